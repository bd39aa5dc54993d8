package org.seq2seq4j.data.toy;

import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Split;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Generates train/dev/test splits of a {@link ToyTask} from a seed.
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>Reproducible.</b> The splits depend only on the task, the seed and the three sizes, on every JVM: the
 *       randomness is a {@link Random} seeded with {@code seed} (an algorithm fixed by the Java SE specification),
 *       and no result depends on hash iteration order.</li>
 *   <li><b>Disjoint.</b> No source sequence occurs twice, neither within a split nor across splits, so the test
 *       set measures generalisation, not memorisation. Sources are drawn until enough distinct ones are found. A task
 *       with a {@link ToyTask#separateHeldOutPool() separate held-out pool} draws dev and test from that pool and
 *       train from its own.</li>
 *   <li><b>Nested.</b> Test examples are drawn first, then dev, then train. The test set therefore depends only on
 *       {@code testSize}, the dev set on {@code testSize} and {@code devSize}, and a larger {@code trainSize} only
 *       appends to the train set: learning curves over the train size share one dev and test set.</li>
 * </ul>
 *
 * <p>Rejection of duplicates slows down as the drawn examples approach the size of the task's space, so at most
 * {@value #MAX_SPACE_PERCENT}% of {@link ToyTask#distinctSources()} may be requested; larger requests fail up front.
 * With a separate held-out pool the bound holds for train and for dev and test together, each against its pool's
 * {@link ToyTask#distinctSources(Split)}.
 */
public final class ToyDatasets {

    /** Largest share of a task's distinct sources, in percent, that one call may request. */
    public static final int MAX_SPACE_PERCENT = 90;

    private static final Logger LOG = LoggerFactory.getLogger(ToyDatasets.class);

    private ToyDatasets() {
    }

    /**
     * The most examples (train, dev and test together) that can be drawn from {@code task} without repeats:
     * {@value #MAX_SPACE_PERCENT}% of its distinct sources, computed without overflow.
     */
    public static long maxExamples(ToyTask task) {
        return share(task.distinctSources());
    }

    /**
     * The most examples that can be drawn without repeats for {@code split}: {@value #MAX_SPACE_PERCENT}% of
     * {@link ToyTask#distinctSources(Split)}. For a task with a {@link ToyTask#separateHeldOutPool() separate held-out
     * pool} this bounds the training split, or dev and test together; otherwise it equals {@link #maxExamples(ToyTask)}
     * and bounds all three splits together.
     */
    public static long maxExamples(ToyTask task, Split split) {
        return share(task.distinctSources(split));
    }

    private static long share(long available) {
        return available / 100 * MAX_SPACE_PERCENT + available % 100 * MAX_SPACE_PERCENT / 100;
    }

    /**
     * @param task      the task to draw examples from
     * @param seed      the seed; the same seed gives the same splits
     * @param trainSize number of training examples, at least 0
     * @param devSize   number of development examples, at least 0
     * @param testSize  number of test examples, at least 0
     * @return splits of exactly the requested sizes, disjoint by source sequence
     * @throws ToyDatasetException if a size is negative or the total exceeds {@value #MAX_SPACE_PERCENT}% of the
     *                             task's distinct sources (with a separate held-out pool: train, or dev and test
     *                             together, exceeds that share of its pool's distinct sources)
     */
    public static DatasetSplits generate(ToyTask task, long seed, int trainSize, int devSize, int testSize) {
        Objects.requireNonNull(task, "task");
        requireNonNegative("trainSize", trainSize);
        requireNonNegative("devSize", devSize);
        requireNonNegative("testSize", testSize);
        long requested = (long) trainSize + devSize + testSize;
        if (task.separateHeldOutPool()) {
            requireRoom(task, Split.TRAIN, trainSize, "train " + trainSize);
            requireRoom(task, Split.TEST, (long) devSize + testSize, "dev " + devSize + " + test " + testSize);
        } else {
            long available = task.distinctSources();
            long allowed = maxExamples(task);
            if (requested > allowed) {
                throw new ToyDatasetException("task " + task + " has only " + available + " distinct source "
                        + "sequences, but " + requested + " examples were requested (train " + trainSize + " + dev "
                        + devSize + " + test " + testSize + "); at most " + MAX_SPACE_PERCENT + "% (" + allowed + ") "
                        + "can be drawn without repeats. Request fewer examples or widen the task (longer sequences, "
                        + "more symbols, more digits or a larger value range).");
            }
        }
        DistinctSampler sampler = new DistinctSampler(task, new Random(seed));
        List<SequencePair> test = sampler.draw(testSize, Split.TEST);
        List<SequencePair> dev = sampler.draw(devSize, Split.DEV);
        List<SequencePair> train = sampler.draw(trainSize, Split.TRAIN);
        LOG.debug("Generated {} examples of {} with seed {} in {} draws", requested, task, seed, sampler.draws);
        return new DatasetSplits(train, dev, test);
    }

    /** Draws examples whose sources were not drawn before by the same sampler. */
    private static final class DistinctSampler {
        private final ToyTask task;
        private final Random rng;
        private final Set<List<String>> seenSources = new HashSet<>();
        private long draws;

        DistinctSampler(ToyTask task, Random rng) {
            this.task = task;
            this.rng = rng;
        }

        List<SequencePair> draw(int count, Split split) {
            List<SequencePair> drawn = new ArrayList<>(count);
            while (drawn.size() < count) {
                SequencePair pair = task.sample(rng, split);
                draws++;
                if (seenSources.add(pair.source())) {
                    drawn.add(pair);
                }
            }
            return drawn;
        }
    }

    private static void requireRoom(ToyTask task, Split pool, long requested, String sizes) {
        long allowed = maxExamples(task, pool);
        if (requested > allowed) {
            String name = pool == Split.TRAIN ? "training" : "held-out (dev and test)";
            throw new ToyDatasetException("task " + task + " has only " + task.distinctSources(pool) + " distinct "
                    + name + " source sequences, but " + requested + " were requested (" + sizes + "); at most "
                    + MAX_SPACE_PERCENT + "% (" + allowed + ") can be drawn without repeats. Request fewer examples "
                    + "or widen the task (more entities).");
        }
    }

    private static void requireNonNegative(String name, int size) {
        if (size < 0) {
            throw new ToyDatasetException(name + " must be at least 0, got " + size);
        }
    }
}
