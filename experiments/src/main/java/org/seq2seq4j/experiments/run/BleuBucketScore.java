package org.seq2seq4j.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.seq2seq4j.core.eval.Bleu;
import org.seq2seq4j.core.eval.BleuScore;
import org.seq2seq4j.core.eval.BleuStats;
import org.seq2seq4j.core.eval.BucketScore;

/**
 * Corpus BLEU of the examples whose source length (in tokens) lies in {@code [minLength, maxLength]}, computed from
 * their summed n-gram statistics (not an average of sentence scores), in buckets of {@value #WIDTH} tokens (1–5,
 * 6–10, ...): finer than {@link LengthBucketScore}'s, because corpus experiments filter to short sentences.
 *
 * @param minLength      shortest source length of the bucket (inclusive)
 * @param maxLength      longest source length of the bucket (inclusive)
 * @param examples       examples in the bucket
 * @param bleu           the bucket's corpus BLEU, 0..100, with the signature of the whole corpus's score
 * @param brevityPenalty the bucket's brevity penalty
 */
public record BleuBucketScore(int minLength, int maxLength, long examples, double bleu, double brevityPenalty) {

    /** Width of a bucket in source tokens. */
    public static final int WIDTH = 5;

    /**
     * The non-empty buckets, shortest first.
     *
     * @param bleu          the metric that produced the statistics
     * @param segments      the statistics of each example ({@link Bleu#corpusStats})
     * @param sourceLengths the source length of each example
     */
    public static List<BleuBucketScore> bySourceLength(Bleu bleu, List<BleuStats> segments,
                                                       List<Integer> sourceLengths) {
        if (segments.size() != sourceLengths.size()) {
            throw new IllegalArgumentException(segments.size() + " segments but " + sourceLengths.size()
                    + " lengths");
        }
        SortedMap<Integer, BucketScore<BleuScore>> buckets = bleu.scoreByBucket(segments,
                i -> Math.max(0, sourceLengths.get(i) - 1) / WIDTH);
        List<BleuBucketScore> out = new ArrayList<>();
        buckets.forEach((bucket, s) -> out.add(new BleuBucketScore(bucket * WIDTH + 1, (bucket + 1) * WIDTH,
                s.segments(), s.score().score(), s.score().brevityPenalty())));
        return out;
    }
}
