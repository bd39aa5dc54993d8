package org.seq2seq4j.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How the {@link Trainer} groups the training examples of one epoch into batches and orders them: the extension point
 * through which a data module supplies, for example, length-bucketed batches. The core itself knows only
 * {@link #shuffled()}.
 *
 * <p>An implementation must be a function of its arguments only (the same seed gives the same batches), so that a
 * resumed run takes the same steps, and must put every example index into exactly one batch.
 */
@FunctionalInterface
public interface EpochBatches {

    /**
     * @param sources   source id sequences of the training examples
     * @param targets   target id sequences, as many as {@code sources}
     * @param batchSize examples per batch, at least 1
     * @param seed      the seed of this epoch's order (the trainer mixes its run seed with the epoch number)
     * @return the epoch's batches of indices into {@code sources} and {@code targets}, in training order
     */
    List<List<Integer>> batches(List<int[]> sources, List<int[]> targets, int batchSize, long seed);

    /**
     * Uniformly shuffled batches that ignore lengths: the indices shuffled by {@link Collections#shuffle(List, Random)}
     * with {@code new Random(seed)}, then cut into consecutive batches. The trainer's default.
     */
    static EpochBatches shuffled() {
        return (sources, targets, batchSize, seed) -> {
            List<Integer> order = new ArrayList<>(sources.size());
            for (int i = 0; i < sources.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            List<List<Integer>> out = new ArrayList<>();
            for (int i = 0; i < order.size(); i += batchSize) {
                out.add(order.subList(i, Math.min(order.size(), i + batchSize)));
            }
            return out;
        };
    }
}
