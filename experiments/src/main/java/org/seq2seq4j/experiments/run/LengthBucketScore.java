package org.seq2seq4j.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Exact-match accuracy of the examples whose source length (in tokens) lies in {@code [minLength, maxLength]}: the
 * "accuracy by sentence length" breakdown of Bahdanau et al. (2015, fig. 2) and Luong et al. (2015, fig. 6), in buckets
 * of {@value #WIDTH} tokens (1–10, 11–20, ...).
 *
 * @param minLength        shortest source length of the bucket (inclusive)
 * @param maxLength        longest source length of the bucket (inclusive)
 * @param examples         examples in the bucket
 * @param sequenceAccuracy share of them decoded exactly right
 */
public record LengthBucketScore(int minLength, int maxLength, long examples, double sequenceAccuracy) {

    /** Width of a bucket in source tokens. */
    public static final int WIDTH = 10;

    /** The bucket's label, {@code 11-20}. */
    public String label() {
        return minLength + "-" + maxLength;
    }

    /**
     * The non-empty buckets, shortest first.
     *
     * @param sourceLengths source length of every example
     * @param correct       whether each example was decoded exactly right
     */
    public static List<LengthBucketScore> bySourceLength(List<Integer> sourceLengths, List<Boolean> correct) {
        if (sourceLengths.size() != correct.size()) {
            throw new IllegalArgumentException(sourceLengths.size() + " lengths but " + correct.size() + " results");
        }
        TreeMap<Integer, long[]> counts = new TreeMap<>();
        for (int i = 0; i < sourceLengths.size(); i++) {
            int bucket = Math.max(0, sourceLengths.get(i) - 1) / WIDTH;
            long[] c = counts.computeIfAbsent(bucket, k -> new long[2]);
            c[0]++;
            c[1] += correct.get(i) ? 1 : 0;
        }
        List<LengthBucketScore> out = new ArrayList<>();
        counts.forEach((bucket, c) -> out.add(new LengthBucketScore(bucket * WIDTH + 1, (bucket + 1) * WIDTH, c[0],
                (double) c[1] / c[0])));
        return out;
    }
}
