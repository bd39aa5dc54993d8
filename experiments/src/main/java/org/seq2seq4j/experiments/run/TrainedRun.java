package org.seq2seq4j.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.decode.Decoder;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.data.text.Tokenizer;
import org.seq2seq4j.data.vocab.Vocabulary;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;
import org.seq2seq4j.experiments.report.AttentionMap;

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

    /**
     * The run's decoding configuration with command-line overrides ({@code decoding.strategy.beamSize=10}, the syntax
     * of {@code --set}); only {@code decoding.*} keys may be changed on a trained run.
     *
     * @throws IllegalArgumentException         for an override outside {@code decoding}
     * @throws org.seq2seq4j.core.config.ConfigException for a bad value (with its path and the valid choices)
     */
    public DecodingConfig decoding(List<String> overrides) {
        if (overrides.isEmpty()) {
            return config.decoding();
        }
        for (String o : overrides) {
            if (!o.startsWith("decoding.") && !o.startsWith("decoding=")) {
                throw new IllegalArgumentException("--set " + o + ": a trained run can change only decoding.* keys "
                        + "(for example --set decoding.strategy.type=beam --set decoding.strategy.beamSize=10)");
            }
        }
        return ExperimentLoader.parse(ExperimentLoader.toJson(config), checkpoint.resolve(CONFIG).toString(),
                overrides).decoding();
    }

    /** Writes what a checkpoint needs besides the model. */
    static void writeExtras(Path dir, String resolvedConfig, Vocabulary source, Vocabulary target) throws IOException {
        Files.writeString(dir.resolve(CONFIG), resolvedConfig);
        source.save(dir.resolve(SOURCE_VOCABULARY));
        target.save(dir.resolve(TARGET_VOCABULARY));
    }

    /**
     * Translates raw text lines: tokenized with the experiment's source tokenizer, decoded with the experiment's decoding
     * strategy and batch size (the best output of the search), detokenized with its target tokenizer. Empty input
     * lines give empty output lines.
     *
     * @param maxLength maximum output tokens, replacing the experiment's {@code decoding.maxLength}
     * @throws org.seq2seq4j.core.config.ConfigException if {@code maxLength} is below the beam's {@code minLength}
     */
    public List<String> translate(List<String> lines, int maxLength) {
        DecodingConfig decoding = new DecodingConfig(config.decoding().strategy(), maxLength,
                config.decoding().batchSize());
        return translations(lines, decoding, false).stream().map(Translation::text).toList();
    }

    /**
     * One translated line.
     *
     * @param text      the detokenized output ("" for an empty input line)
     * @param attention the attention of the output over the source, or null if not asked for or the line was empty
     */
    public record Translation(String text, AttentionMap attention) {
    }

    /**
     * Translates raw text lines with a decoding configuration, optionally with the attention of every output.
     *
     * @param attention also compute the attention maps (the model must have attention): the weights the decoder used
     *                  for the chosen output, from a teacher-forced pass over it
     * @throws IllegalArgumentException if attention is asked of a model without it
     */
    public List<Translation> translations(List<String> lines, DecodingConfig decoding, boolean attention) {
        if (attention && model.config().attention() == org.seq2seq4j.core.config.AttentionType.NONE) {
            throw new IllegalArgumentException("the model in " + checkpoint + " has no attention (model.attention is "
                    + "none), so there are no attention weights to plot");
        }
        Tokenizer sourceTokenizer = config.data().sourceTokenizer();
        Tokenizer targetTokenizer = config.data().targetTokenizer();
        TokenCodec codec = codec();
        List<int[]> sources = new ArrayList<>();
        List<List<String>> sourceTokens = new ArrayList<>();
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> tokens = sourceTokenizer.tokenize(lines.get(i));
            if (!tokens.isEmpty()) {
                sources.add(codec.sourceIds(tokens));
                sourceTokens.add(tokens);
                nonEmpty.add(i);
            }
        }
        List<Translation> out = new ArrayList<>(java.util.Collections.nCopies(lines.size(),
                new Translation("", null)));
        if (sources.isEmpty()) {
            return out;
        }
        List<Hypothesis> hyps = Decoder.of(decoding).decode(model, sources);
        for (int start = 0; start < hyps.size(); start += decoding.batchSize()) {
            int end = Math.min(hyps.size(), start + decoding.batchSize());
            List<AttentionMap> maps = attention ? attentionMaps(codec, sources.subList(start, end),
                    sourceTokens.subList(start, end), hyps.subList(start, end)) : null;
            for (int k = start; k < end; k++) {
                String text = targetTokenizer.detokenize(codec.targetTokens(sourceTokens.get(k),
                        hyps.get(k).tokens()));
                out.set(nonEmpty.get(k), new Translation(text, maps == null ? null : maps.get(k - start)));
            }
        }
        return out;
    }

    /** How this run's tokens become model ids and back (extended ids for a copy model). */
    TokenCodec codec() {
        return TokenCodec.of(config.model().copy(), source, target);
    }

    /**
     * The teacher-forced attention over each output, source columns in original order; a copied output token is shown
     * as its source token.
     */
    private List<AttentionMap> attentionMaps(TokenCodec codec, List<int[]> sources, List<List<String>> sourceTokens,
                                             List<Hypothesis> hyps) {
        List<int[]> outputs = hyps.stream().map(Hypothesis::tokens).toList();
        INDArray w = model.attentionWeights(model.batches().batch(sources, outputs));
        List<AttentionMap> maps = new ArrayList<>();
        for (int b = 0; b < sources.size(); b++) {
            Hypothesis h = hyps.get(b);
            List<String> rows = new ArrayList<>(codec.targetTokens(sourceTokens.get(b), h.tokens()));
            if (h.finished()) {
                rows.add(AttentionMap.END);
            }
            int ts = sources.get(b).length;
            double[][] weights = new double[rows.size()][ts];
            for (int j = 0; j < rows.size(); j++) {
                for (int i = 0; i < ts; i++) {
                    weights[j][model.batches().sourcePosition(i, ts)] = w.getDouble(b, j, i);
                }
            }
            maps.add(new AttentionMap(sourceTokens.get(b), rows, weights));
        }
        return maps;
    }
}
