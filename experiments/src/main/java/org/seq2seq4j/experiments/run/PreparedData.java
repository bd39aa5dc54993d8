package org.seq2seq4j.experiments.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq2seq4j.core.model.Symbols;
import org.seq2seq4j.core.train.TrainingData;
import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.toy.ToyDatasets;
import org.seq2seq4j.data.vocab.Vocabulary;
import org.seq2seq4j.experiments.config.DataConfig;
import org.seq2seq4j.experiments.config.ExperimentConfig;

/**
 * An experiment's examples and vocabularies. Toy data is regenerated from the config's seed whenever it is needed
 * (train, evaluate), so a run directory stores the examples only for inspection and hashing.
 *
 * @param splits  train, dev and test examples
 * @param source  source vocabulary (the joint vocabulary when embeddings are shared)
 * @param target  target vocabulary (the same object as {@code source} when embeddings are shared)
 */
public record PreparedData(DatasetSplits splits, Vocabulary source, Vocabulary target) {

    /** The reserved ids of the data module's vocabularies, as the model needs them. */
    public static final Symbols SYMBOLS = new Symbols(Vocabulary.PAD, Vocabulary.BOS, Vocabulary.EOS);

    /** Generates the splits and builds vocabularies from the training split. */
    public static PreparedData prepare(ExperimentConfig config) {
        DatasetSplits splits = splits(config);
        List<List<String>> src = new ArrayList<>();
        List<List<String>> tgt = new ArrayList<>();
        for (SequencePair p : splits.train()) {
            src.add(p.source());
            tgt.add(p.target());
        }
        if (config.model().sharedEmbeddings()) {
            List<List<String>> both = new ArrayList<>(src);
            both.addAll(tgt);
            Vocabulary joint = Vocabulary.build(both, Integer.MAX_VALUE, 1);
            return new PreparedData(splits, joint, joint);
        }
        return new PreparedData(splits, Vocabulary.build(src, Integer.MAX_VALUE, 1),
                Vocabulary.build(tgt, Integer.MAX_VALUE, 1));
    }

    /** The splits of a run with vocabularies already fixed (evaluation of a saved run). */
    public static PreparedData withVocabularies(ExperimentConfig config, Vocabulary source, Vocabulary target) {
        return new PreparedData(splits(config), source, target);
    }

    private static DatasetSplits splits(ExperimentConfig config) {
        if (config.data() instanceof DataConfig.Toy toy) {
            return ToyDatasets.generate(toy.task(), config.seed(), toy.trainSize(), toy.devSize(), toy.testSize());
        }
        throw new IllegalStateException("unhandled data source " + config.data());
    }

    /** A split by name: train, dev or test. */
    public List<SequencePair> split(String name) {
        return switch (name) {
            case "train" -> splits.train();
            case "dev" -> splits.dev();
            case "test" -> splits.test();
            default -> throw new IllegalArgumentException("unknown split \"" + name
                    + "\" (valid choices: train, dev, test)");
        };
    }

    /** Source id sequences of a list of pairs. */
    public List<int[]> sourceIds(List<SequencePair> pairs) {
        List<int[]> out = new ArrayList<>(pairs.size());
        for (SequencePair p : pairs) {
            out.add(source.encode(p.source()));
        }
        return out;
    }

    /** Target id sequences of a list of pairs. */
    public List<int[]> targetIds(List<SequencePair> pairs) {
        List<int[]> out = new ArrayList<>(pairs.size());
        for (SequencePair p : pairs) {
            out.add(target.encode(p.target()));
        }
        return out;
    }

    /** Train and dev ids for the trainer. */
    public TrainingData trainingData() {
        return new TrainingData(sourceIds(splits.train()), targetIds(splits.train()), sourceIds(splits.dev()),
                targetIds(splits.dev()));
    }

    /** A split as lines {@code source TAB target}, tokens joined by single spaces. */
    public static List<String> lines(List<SequencePair> pairs) {
        List<String> out = new ArrayList<>(pairs.size());
        for (SequencePair p : pairs) {
            out.add(String.join(" ", p.source()) + "\t" + String.join(" ", p.target()));
        }
        return out;
    }

    /** SHA-256 of every split's lines (each line followed by a newline), by split name. */
    public Map<String, String> hashes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : List.of("train", "dev", "test")) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (String line : lines(split(s))) {
                    md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.put("data/" + s + ".tsv", HexFormat.of().formatHex(md.digest()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
