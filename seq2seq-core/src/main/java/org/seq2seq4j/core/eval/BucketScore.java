package org.seq2seq4j.core.eval;

/**
 * A corpus-level score over one bucket of segments (for example all sources of 10 to 19 tokens), computed from the
 * summed statistics of those segments, not by averaging sentence scores.
 *
 * @param segments number of segments in the bucket
 * @param score    the bucket's corpus score ({@link BleuScore} or {@link ChrFScore})
 * @param <S>      the score type
 */
public record BucketScore<S>(int segments, S score) {
}
