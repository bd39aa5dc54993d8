package org.seq2seq4j.data.batch;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Batches of examples of similar length, so that little of each batch is padding, while the epoch stays random:
 * <ol>
 *   <li>shuffle all examples with a {@link Random} seeded with the seed;</li>
 *   <li>cut the shuffled list into chunks of {@code chunkBatches × batchSize} examples;</li>
 *   <li>sort each chunk by source length, then target length (stable, so equal lengths keep their shuffled order),
 *       and cut it into batches;</li>
 *   <li>shuffle the order of all batches with the same generator.</li>
 * </ol>
 * A larger {@code chunkBatches} gives less padding and less randomness in which examples share a batch;
 * {@code chunkBatches = 1} sorts only within a batch, which is the unbucketed padding. Only the last chunk can be
 * smaller than the others, so at most one batch is smaller than {@code batchSize}.
 *
 * @param chunkBatches how many batches' worth of shuffled examples are sorted together, at least 1
 */
public record LengthBucketedBatches(@JsonProperty(required = true) int chunkBatches) implements BatchOrder {

    /** Validates the chunk size. */
    public LengthBucketedBatches {
        if (chunkBatches < 1) {
            throw new BatchOrderException("chunkBatches must be at least 1, got " + chunkBatches);
        }
    }

    @Override
    public List<List<Integer>> batches(int[] sourceLengths, int[] targetLengths, int batchSize, long seed) {
        BatchOrderException.requireValid(sourceLengths, targetLengths, batchSize);
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>(sourceLengths.length);
        for (int index = 0; index < sourceLengths.length; index++) {
            order.add(index);
        }
        Collections.shuffle(order, random);
        Comparator<Integer> byLengths = Comparator.<Integer>comparingInt(index -> sourceLengths[index])
                .thenComparingInt(index -> targetLengths[index]);
        long chunkSize = (long) chunkBatches * batchSize;
        List<List<Integer>> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start = (int) Math.min(order.size(), start + chunkSize)) {
            List<Integer> chunk = new ArrayList<>(order.subList(start, (int) Math.min(order.size(), start + chunkSize)));
            chunk.sort(byLengths);
            for (int from = 0; from < chunk.size(); from += batchSize) {
                batches.add(List.copyOf(chunk.subList(from, Math.min(chunk.size(), from + batchSize))));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
