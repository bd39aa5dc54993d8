package org.seq2seq4j.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.seq2seq4j.core.model.Symbols;
import org.seq2seq4j.core.train.TrainingData;
import org.seq2seq4j.data.batch.BatchOrder;
import org.seq2seq4j.data.batch.ShuffledBatches;
import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.text.Tokenizer;
import org.seq2seq4j.data.toy.ToyDatasets;
import org.seq2seq4j.data.vocab.PairTokenCounts;
import org.seq2seq4j.data.vocab.Vocabulary;
import org.seq2seq4j.data.vocab.VocabularyPair;
import org.seq2seq4j.experiments.config.DataConfig;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.SplitConfig;
import org.seq2seq4j.experiments.config.VocabularyConfig;
import org.seq2seq4j.experiments.report.RunManifest;

/**
 * An experiment's examples, references and vocabularies. Toy data is regenerated from the config's seed and a corpus
 * is re-read from its files whenever they are needed (train, evaluate, resume); both are deterministic, so a run
 * directory stores the examples only for inspection and hashing.
 *
 * @param splits     train, dev and test examples
 * @param references the reference text of every example (raw corpus targets, or the toy targets joined)
 * @param source     source vocabulary (the joint vocabulary when shared)
 * @param target     target vocabulary (the same object as {@code source} when shared)
 * @param copy       whether the model copies ({@code model.copy}): ids are then every example's extended ids
 *                   ({@link TokenCodec})
 * @param batchOrder how training batches are formed ({@code shuffled} for toy tasks)
 * @param files      the corpus files read (none for a toy task)
 * @param statistics what preparing a corpus did (empty for a toy task)
 */
public record PreparedData(DatasetSplits splits, ReferenceTexts references, Vocabulary source, Vocabulary target,
                           boolean copy, BatchOrder batchOrder, List<Path> files,
                           Optional<CorpusStatistics> statistics) {

    /** The reserved ids of the data module's vocabularies, as the model needs them. */
    public static final Symbols SYMBOLS = new Symbols(Vocabulary.PAD, Vocabulary.BOS, Vocabulary.EOS,
            Vocabulary.UNK);

    public PreparedData {
        files = List.copyOf(files);
    }

    /** Makes the splits and builds vocabularies from the training split. */
    public static PreparedData prepare(ExperimentConfig config) {
        return prepare(config, train -> vocabularies(config, train));
    }

    /** The splits of a run with vocabularies already fixed (evaluation of a saved run). */
    public static PreparedData withVocabularies(ExperimentConfig config, Vocabulary source, Vocabulary target) {
        return prepare(config, train -> new VocabularyPair(source, target));
    }

    private static PreparedData prepare(ExperimentConfig config,
                                        Function<List<SequencePair>, VocabularyPair> vocabularies) {
        if (config.data() instanceof DataConfig.Toy toy) {
            DatasetSplits splits = ToyDatasets.generate(toy.task(), config.seed(), toy.trainSize(), toy.devSize(),
                    toy.testSize());
            Tokenizer tokenizer = toy.targetTokenizer();
            ReferenceTexts references = new ReferenceTexts(joined(splits.train(), tokenizer),
                    joined(splits.dev(), tokenizer), joined(splits.test(), tokenizer));
            VocabularyPair v = vocabularies.apply(splits.train());
            return new PreparedData(splits, references, v.source(), v.target(), config.model().copy(),
                    new ShuffledBatches(), List.of(), Optional.empty());
        }
        if (config.data() instanceof DataConfig.Corpus corpus) {
            CorpusExamples examples = CorpusExamples.read(corpus);
            VocabularyPair v = vocabularies.apply(examples.splits().train());
            List<Path> files = files(corpus);
            CorpusStatistics statistics = CorpusStatistics.of(files, examples, v.source(), v.target(),
                    corpus.batches(), config.training().batchSize(), config.seed());
            return new PreparedData(examples.splits(), examples.references(), v.source(), v.target(),
                    config.model().copy(), corpus.batches(), files, Optional.of(statistics));
        }
        throw new IllegalStateException("unhandled data source " + config.data());
    }

    /**
     * The vocabularies of the training pairs: a corpus's by its {@code data.vocabulary} limits; a toy task's with
     * every training token seen at least {@code data.minFrequency} times, one joint vocabulary with shared embeddings
     * or copy.
     */
    private static VocabularyPair vocabularies(ExperimentConfig config, List<SequencePair> train) {
        PairTokenCounts counts = PairTokenCounts.of(train);
        if (config.data() instanceof DataConfig.Corpus corpus) {
            VocabularyConfig v = corpus.vocabulary();
            return v.shared() ? counts.shared(v.maxSize(), v.minFrequency())
                    : counts.separate(v.maxSize(), v.minFrequency(), v.maxSize(), v.minFrequency());
        }
        int minFrequency = ((DataConfig.Toy) config.data()).minFrequency();
        return config.model().sharedEmbeddings() || config.model().copy()
                ? counts.shared(Integer.MAX_VALUE, minFrequency)
                : counts.separate(Integer.MAX_VALUE, minFrequency, Integer.MAX_VALUE, minFrequency);
    }

    private static List<Path> files(DataConfig.Corpus corpus) {
        List<Path> files = new ArrayList<>(corpus.format().files());
        if (corpus.split() instanceof SplitConfig.Files split) {
            files.addAll(split.dev().files());
            files.addAll(split.test().files());
        }
        return files;
    }

    private static List<String> joined(List<SequencePair> pairs, Tokenizer tokenizer) {
        return pairs.stream().map(p -> tokenizer.detokenize(p.target())).toList();
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

    /** How this data's tokens become model ids and back. */
    TokenCodec codec() {
        return TokenCodec.of(copy, source, target);
    }

    /** Source id sequences of a list of pairs (extended ids with copy). */
    public List<int[]> sourceIds(List<SequencePair> pairs) {
        TokenCodec codec = codec();
        List<int[]> out = new ArrayList<>(pairs.size());
        for (SequencePair p : pairs) {
            out.add(codec.sourceIds(p.source()));
        }
        return out;
    }

    /** Target id sequences of a list of pairs (with copy, the ids of the target tokens each pair's source has). */
    public List<int[]> targetIds(List<SequencePair> pairs) {
        TokenCodec codec = codec();
        List<int[]> out = new ArrayList<>(pairs.size());
        for (SequencePair p : pairs) {
            out.add(codec.targetIds(p.source(), p.target()));
        }
        return out;
    }

    /**
     * Train and dev ids for the trainer, batched in the configured order, with dev BLEU and chrF after every epoch
     * (computed as the evaluation computes them).
     */
    public TrainingData trainingData(ExperimentConfig config) {
        return new TrainingData(sourceIds(splits.train()), targetIds(splits.train()), sourceIds(splits.dev()),
                targetIds(splits.dev()), batchOrder::batches,
                TranslationScores.of(config, codec()).devScorer(references.dev(), sources(splits.dev())));
    }

    private static List<List<String>> sources(List<SequencePair> pairs) {
        return pairs.stream().map(SequencePair::source).toList();
    }

    /** A split as lines {@code source TAB target}, tokens joined by single spaces. */
    public static List<String> lines(List<SequencePair> pairs) {
        List<String> out = new ArrayList<>(pairs.size());
        for (SequencePair p : pairs) {
            out.add(String.join(" ", p.source()) + "\t" + String.join(" ", p.target()));
        }
        return out;
    }

    /**
     * SHA-256 of every split's lines (each line followed by a newline) by split file name, and of every corpus file's
     * bytes by its path as written in the config.
     */
    public Map<String, String> hashes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : List.of("train", "dev", "test")) {
            out.put("data/" + s + ".tsv", RunManifest.sha256(lines(split(s))));
        }
        for (Path file : files) {
            out.put(file.toString(), RunManifest.sha256(file));
        }
        return out;
    }
}
