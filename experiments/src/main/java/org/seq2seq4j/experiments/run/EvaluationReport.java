package org.seq2seq4j.experiments.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.seq2seq4j.core.eval.BleuScore;
import org.seq2seq4j.core.eval.ChrFScore;
import org.seq2seq4j.core.io.Json;

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
 * @param diagnostics        repetition and copying of the outputs (null in reports written before it existed)
 */
public record EvaluationReport(String split, String checkpoint, String decoding, long examples, double sequenceAccuracy,
                               double tokenAccuracy, double loss, double perplexity, List<Double> positionAccuracy,
                               List<LengthBucketScore> bySourceLength, BleuScore bleu, ChrFScore chrF,
                               List<BleuBucketScore> bleuBySourceLength, DecodingDiagnostics diagnostics) {

    public EvaluationReport {
        positionAccuracy = List.copyOf(positionAccuracy);
        bySourceLength = bySourceLength == null ? List.of() : List.copyOf(bySourceLength);
        bleuBySourceLength = bleuBySourceLength == null ? List.of() : List.copyOf(bleuBySourceLength);
    }

    /** The components older {@code scores.json} files lack: read as empty lists and nulls. */
    private static final Set<String> LATER_ADDITIONS = Set.of("bySourceLength", "bleu", "chrF", "bleuBySourceLength",
            "diagnostics");

    /** The strict mapper, except that the {@link #LATER_ADDITIONS} may be absent. */
    private static final ObjectMapper READER = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    /**
     * Reads a {@code scores.json} written by {@link ExperimentRunner#evaluate}, including one written before the
     * {@link #LATER_ADDITIONS} existed.
     *
     * @throws UncheckedIOException if it cannot be read or parsed, or lacks any other key (the message names the file)
     */
    public static EvaluationReport read(Path file) {
        try {
            JsonNode tree = READER.readTree(file.toFile());
            for (RecordComponent component : EvaluationReport.class.getRecordComponents()) {
                if (!LATER_ADDITIONS.contains(component.getName()) && (tree == null || !tree.hasNonNull(
                        component.getName()))) {
                    throw new IOException("\"" + component.getName() + "\" is missing");
                }
            }
            return READER.treeToValue(tree, EvaluationReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scores in " + file + ": " + e.getMessage(), e);
        }
    }
}
