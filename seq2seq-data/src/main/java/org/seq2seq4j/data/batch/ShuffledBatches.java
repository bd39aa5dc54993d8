package org.seq2seq4j.data.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Uniformly shuffled batches, ignoring lengths: the examples are shuffled with a {@link Random} seeded with the seed
 * and cut into consecutive batches. This is the order of the core {@code Trainer}, which seeds the shuffle of epoch
 * {@code e} with a mix of its seed and {@code e}; given that mixed seed this class returns the same batches. The
 * baseline for {@link LengthBucketedBatches} in {@link PaddingReport}s.
 */
public record ShuffledBatches() implements BatchOrder {

    @Override
    public List<List<Integer>> batches(int[] sourceLengths, int[] targetLengths, int batchSize, long seed) {
        BatchOrderException.requireValid(sourceLengths, targetLengths, batchSize);
        List<Integer> order = new ArrayList<>(sourceLengths.length);
        for (int index = 0; index < sourceLengths.length; index++) {
            order.add(index);
        }
        Collections.shuffle(order, new Random(seed));
        List<List<Integer>> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            batches.add(List.copyOf(order.subList(start, Math.min(order.size(), start + batchSize))));
        }
        return batches;
    }
}
