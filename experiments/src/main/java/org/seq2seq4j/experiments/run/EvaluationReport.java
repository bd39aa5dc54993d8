package org.seq2seq4j.experiments.run;

import java.util.List;
import org.seq2seq4j.core.eval.BleuScore;
import org.seq2seq4j.core.eval.ChrFScore;

/**
 * Scores of a checkpoint on a split, as written to {@code scores.json}.
 *
 * @param split              train, dev or test
 * @param checkpoint         best or last
 * @param decoding           the search that produced the outputs, {@code greedy-max50} or {@code beam5-lp0.6-max50}
 * @param examples           number of examples
 * @param sequenceAccuracy   exact-match accuracy of greedy outputs
 * @param tokenAccuracy      token accuracy of greedy outputs (end-of-sequence included)
 * @param loss               teacher-forced per-token cross-entropy (nats)
 * @param perplexity         {@code exp(loss)}
 * @param positionAccuracy   token accuracy by output position
 * @param bySourceLength     exact-match accuracy by source length, in buckets of {@value LengthBucketScore#WIDTH}
 *                           tokens (empty in reports written before it existed)
 * @param bleu               corpus BLEU of the detokenized outputs against the reference texts, as sacreBLEU
 *                           computes it, with its signature (null in reports written before it existed)
 * @param chrF               corpus chrF of the same, with its signature (null in reports written before it existed)
 * @param bleuBySourceLength corpus BLEU by source length, in buckets of {@value BleuBucketScore#WIDTH} tokens (empty
 *                           in reports written before it existed)
 */
public record EvaluationReport(String split, String checkpoint, String decoding, long examples, double sequenceAccuracy,
                               double tokenAccuracy, double loss, double perplexity, List<Double> positionAccuracy,
                               List<LengthBucketScore> bySourceLength, BleuScore bleu, ChrFScore chrF,
                               List<BleuBucketScore> bleuBySourceLength) {

    public EvaluationReport {
        positionAccuracy = List.copyOf(positionAccuracy);
        bySourceLength = bySourceLength == null ? List.of() : List.copyOf(bySourceLength);
        bleuBySourceLength = bleuBySourceLength == null ? List.of() : List.copyOf(bleuBySourceLength);
    }

    /**
     * Reads a {@code scores.json} written by {@link ExperimentRunner#evaluate}.
     *
     * @throws java.io.UncheckedIOException if it cannot be read or parsed (the message names the file)
     */
    public static EvaluationReport read(java.nio.file.Path file) {
        try {
            return org.seq2seq4j.core.io.Json.mapper().readValue(file.toFile(), EvaluationReport.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the scores in " + file + ": " + e.getMessage(), e);
        }
    }
}
