package org.seq2seq4j.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.decode.Decoder;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.data.text.Tokenizer;
import org.seq2seq4j.data.vocab.Vocabulary;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;

/**
 * A checkpoint ready to use: the model with its vocabularies and the experiment config it was trained with. Every
 * checkpoint directory is self-contained (model, {@code config.json}, both vocabularies).
 *
 * @param checkpoint the checkpoint directory
 */
public record TrainedRun(Path checkpoint, ExperimentConfig config, Seq2SeqModel model, Vocabulary source,
                         Vocabulary target) {

    static final String CONFIG = "config.json";
    static final String SOURCE_VOCABULARY = "vocab.source.json";
    static final String TARGET_VOCABULARY = "vocab.target.json";

    /** Loads a checkpoint directory. */
    public static TrainedRun load(Path checkpoint) {
        try {
            ExperimentConfig config = ExperimentLoader.load(checkpoint.resolve(CONFIG), List.of());
            Vocabulary src = Vocabulary.load(checkpoint.resolve(SOURCE_VOCABULARY));
            Vocabulary tgt = Vocabulary.load(checkpoint.resolve(TARGET_VOCABULARY));
            Seq2SeqModel model = Seq2SeqModel.load(checkpoint);
            if (model.sourceVocabulary() != src.size() || model.targetVocabulary() != tgt.size()) {
                throw new RunDirectoryException(checkpoint + ": the vocabularies (" + src.size() + ", " + tgt.size()
                        + " tokens) do not match the model (" + model.sourceVocabulary() + ", "
                        + model.targetVocabulary() + ")");
            }
            return new TrainedRun(checkpoint, config, model, src, tgt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /** Writes what a checkpoint needs besides the model. */
    static void writeExtras(Path dir, String resolvedConfig, Vocabulary source, Vocabulary target) throws IOException {
        Files.writeString(dir.resolve(CONFIG), resolvedConfig);
        source.save(dir.resolve(SOURCE_VOCABULARY));
        target.save(dir.resolve(TARGET_VOCABULARY));
    }

    /**
     * Translates raw text lines: tokenized with the experiment's tokenizer, decoded with the experiment's decoding
     * strategy and batch size (the best output of the search), detokenized. Empty input lines give empty output lines.
     *
     * @param maxLength maximum output tokens, replacing the experiment's {@code decoding.maxLength}
     * @throws org.seq2seq4j.core.config.ConfigException if {@code maxLength} is below the beam's {@code minLength}
     */
    public List<String> translate(List<String> lines, int maxLength) {
        Tokenizer tok = config.data().tokenizer().create();
        List<int[]> sources = new ArrayList<>();
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> tokens = tok.tokenize(lines.get(i));
            if (!tokens.isEmpty()) {
                sources.add(source.encode(tokens));
                nonEmpty.add(i);
            }
        }
        List<String> out = new ArrayList<>(java.util.Collections.nCopies(lines.size(), ""));
        if (sources.isEmpty()) {
            return out;
        }
        DecodingConfig decoding = new DecodingConfig(config.decoding().strategy(), maxLength,
                config.decoding().batchSize());
        List<Hypothesis> hyps = Decoder.of(decoding).decode(model, sources);
        for (int k = 0; k < hyps.size(); k++) {
            out.set(nonEmpty.get(k), tok.detokenize(target.decode(hyps.get(k).tokens())));
        }
        return out;
    }
}
