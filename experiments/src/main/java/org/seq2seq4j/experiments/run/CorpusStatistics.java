package org.seq2seq4j.experiments.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq2seq4j.core.train.Trainer;
import org.seq2seq4j.data.batch.BatchOrder;
import org.seq2seq4j.data.batch.PaddingReport;
import org.seq2seq4j.data.batch.ShuffledBatches;
import org.seq2seq4j.data.corpus.ReadStatistics;
import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.vocab.PairTokenCounts;
import org.seq2seq4j.data.vocab.TokenCounts;
import org.seq2seq4j.data.vocab.Vocabulary;

/**
 * What preparing a corpus experiment's data did, as written to {@code data/statistics.json} in the run directory:
 * the pairs read and skipped per file, what the length filter removed, the pairs kept per split, the vocabularies
 * with their coverage of each split, and how much of the training batches is padding.
 *
 * @param files        the corpus files, as written in the config
 * @param read         pairs read and lines skipped per kind of bad input, by file role ({@code corpus}, or
 *                     {@code train}, {@code dev}, {@code test} with separate files)
 * @param lengthFilter what the length filter removed
 * @param pairs        pairs kept per split
 * @param vocabulary   the vocabularies and their coverage
 * @param padding      the padding of the first epoch's training batches, in the configured order and shuffled
 */
public record CorpusStatistics(List<String> files, Map<String, ReadStatistics> read, LengthFilterCounts lengthFilter,
                               Map<String, Integer> pairs, VocabularyStatistics vocabulary, PaddingStatistics padding) {

    /**
     * The outcome of the length filter on the pairs it was given (the whole corpus, or the training file when dev
     * and test come from their own files). A pair outside several bounds counts under each reason.
     *
     * @param input          pairs filtered
     * @param kept           pairs within bounds
     * @param removed        pairs removed
     * @param sourceTooShort pairs with a source shorter than {@code minSourceLength}
     * @param sourceTooLong  pairs with a source longer than {@code maxSourceLength}
     * @param targetTooShort pairs with a target shorter than {@code minTargetLength}
     * @param targetTooLong  pairs with a target longer than {@code maxTargetLength}
     */
    public record LengthFilterCounts(long input, long kept, long removed, long sourceTooShort, long sourceTooLong,
                                     long targetTooShort, long targetTooLong) {
    }

    /**
     * @param shared whether source and target share one vocabulary
     * @param source the source vocabulary
     * @param target the target vocabulary
     */
    public record VocabularyStatistics(boolean shared, SideVocabulary source, SideVocabulary target) {
    }

    /**
     * One side's vocabulary and how much of each split's tokens it covers.
     *
     * @param size        tokens with an id, the four special tokens included
     * @param trainTypes  distinct tokens in the training split (before the vocabulary limits)
     * @param trainTokens tokens in the training split
     * @param coverage    share of each split's tokens that have an id, by split
     * @param oovRate     share of each split's tokens that become {@code <unk>} ({@code 1 - coverage}), by split
     */
    public record SideVocabulary(int size, int trainTypes, long trainTokens, Map<String, Double> coverage,
                                 Map<String, Double> oovRate) {
    }

    /**
     * @param batchSize the training batch size
     * @param order     the configured batch order
     * @param training  the padding of the first epoch's batches in the configured order
     * @param shuffled  the padding of the first epoch's batches uniformly shuffled (no bucketing), the baseline
     */
    public record PaddingStatistics(int batchSize, BatchOrder order, PaddingSummary training,
                                    PaddingSummary shuffled) {
    }

    /**
     * A {@link PaddingReport} with its ratios.
     *
     * @param sourcePositions source positions of all batches
     * @param sourcePadding   of which padding
     * @param targetPositions target positions (the end-of-sequence step included)
     * @param targetPadding   of which padding
     * @param sourceRatio     source padding / source positions
     * @param targetRatio     target padding / target positions
     * @param ratio           all padding / all positions
     */
    public record PaddingSummary(long sourcePositions, long sourcePadding, long targetPositions, long targetPadding,
                                 double sourceRatio, double targetRatio, double ratio) {

        static PaddingSummary of(PaddingReport r) {
            return new PaddingSummary(r.sourcePositions(), r.sourcePadding(), r.targetPositions(), r.targetPadding(),
                    r.sourceRatio(), r.targetRatio(), r.ratio());
        }
    }

    /**
     * The statistics of prepared corpus data.
     *
     * @param files     the corpus files as written in the config
     * @param examples  the examples and what reading them did
     * @param source    the source vocabulary
     * @param target    the target vocabulary
     * @param order     the training batch order
     * @param batchSize the training batch size
     * @param seed      the experiment seed (the trainer's batches of epoch 1 are measured)
     */
    static CorpusStatistics of(List<Path> files, CorpusExamples examples, Vocabulary source, Vocabulary target,
                               BatchOrder order, int batchSize, long seed) {
        DatasetSplits splits = examples.splits();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        Map<String, PairTokenCounts> counts = new LinkedHashMap<>();
        for (String split : List.of("train", "dev", "test")) {
            List<SequencePair> p = split(splits, split);
            pairs.put(split, p.size());
            counts.put(split, PairTokenCounts.of(p));
        }
        VocabularyStatistics vocabulary = new VocabularyStatistics(source.equals(target),
                side(source, counts, true), side(target, counts, false));
        List<SequencePair> train = splits.train();
        int[] sourceLengths = train.stream().mapToInt(p -> p.source().size()).toArray();
        int[] targetLengths = train.stream().mapToInt(p -> p.target().size()).toArray();
        long epochSeed = Trainer.epochSeed(seed, 1);
        PaddingReport configured = PaddingReport.of(order.batches(sourceLengths, targetLengths, batchSize, epochSeed),
                sourceLengths, targetLengths);
        PaddingReport shuffled = PaddingReport.of(new ShuffledBatches().batches(sourceLengths, targetLengths,
                batchSize, epochSeed), sourceLengths, targetLengths);
        return new CorpusStatistics(files.stream().map(Path::toString).toList(), examples.read(),
                examples.lengthFilter(), pairs, vocabulary, new PaddingStatistics(batchSize, order,
                PaddingSummary.of(configured), PaddingSummary.of(shuffled)));
    }

    private static SideVocabulary side(Vocabulary vocabulary, Map<String, PairTokenCounts> counts, boolean source) {
        Map<String, Double> coverage = new LinkedHashMap<>();
        Map<String, Double> oov = new LinkedHashMap<>();
        counts.forEach((split, c) -> {
            double covered = (source ? c.source() : c.target()).coverage(vocabulary);
            coverage.put(split, covered);
            oov.put(split, 1 - covered);
        });
        TokenCounts train = source ? counts.get("train").source() : counts.get("train").target();
        return new SideVocabulary(vocabulary.size(), train.distinctTokens(), train.totalTokens(), coverage, oov);
    }

    private static List<SequencePair> split(DatasetSplits splits, String name) {
        return switch (name) {
            case "train" -> splits.train();
            case "dev" -> splits.dev();
            case "test" -> splits.test();
            default -> throw new IllegalArgumentException("unknown split " + name);
        };
    }
}
