package org.seq2seq4j.data.pair;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the pairs whose tokenized source and target lengths lie within bounds, and counts what it removes. Lengths
 * are token counts as produced by the tokenizer, without {@code <s>} and {@code </s>}. JSON:
 * {@code {"minSourceLength":1,"maxSourceLength":50,"minTargetLength":1,"maxTargetLength":50}}.
 *
 * @param minSourceLength shortest source kept, at least 0
 * @param maxSourceLength longest source kept, at least {@code minSourceLength}
 * @param minTargetLength shortest target kept, at least 0
 * @param maxTargetLength longest target kept, at least {@code minTargetLength}
 */
public record LengthFilter(@JsonProperty(required = true) int minSourceLength,
                           @JsonProperty(required = true) int maxSourceLength,
                           @JsonProperty(required = true) int minTargetLength,
                           @JsonProperty(required = true) int maxTargetLength) {

    /**
     * The outcome of {@link #apply(List)}. A pair outside the bounds on several counts (say, source too long and
     * target too long) is removed once but counted under each reason, so the reasons can add up to more than
     * {@code removed}.
     *
     * @param kept           the pairs within bounds, in input order; copied, unmodifiable
     * @param removed        the number of pairs removed
     * @param sourceTooShort pairs whose source is shorter than {@code minSourceLength}
     * @param sourceTooLong  pairs whose source is longer than {@code maxSourceLength}
     * @param targetTooShort pairs whose target is shorter than {@code minTargetLength}
     * @param targetTooLong  pairs whose target is longer than {@code maxTargetLength}
     */
    public record Filtered(List<SequencePair> kept, long removed, long sourceTooShort, long sourceTooLong,
                           long targetTooShort, long targetTooLong) {

        /** Copies the kept pairs. */
        public Filtered {
            kept = List.copyOf(kept);
        }
    }

    /** Validates the bounds. */
    public LengthFilter {
        DatasetConfigException.requireAtLeast("minSourceLength", minSourceLength, 0);
        requireMaxAtLeastMin("maxSourceLength", maxSourceLength, "minSourceLength", minSourceLength);
        DatasetConfigException.requireAtLeast("minTargetLength", minTargetLength, 0);
        requireMaxAtLeastMin("maxTargetLength", maxTargetLength, "minTargetLength", minTargetLength);
    }

    private static void requireMaxAtLeastMin(String field, int max, String minField, int min) {
        if (max < min) {
            throw new DatasetConfigException(field, max, field + " must be at least " + minField + " (" + min
                    + "), got " + max);
        }
    }

    /**
     * @param pair a pair
     * @return whether both of its lengths are within bounds
     */
    public boolean accepts(SequencePair pair) {
        int source = pair.source().size();
        int target = pair.target().size();
        return source >= minSourceLength && source <= maxSourceLength
                && target >= minTargetLength && target <= maxTargetLength;
    }

    /**
     * @param pairs pairs to filter
     * @return the pairs within bounds and the counts of the removed ones by reason
     */
    public Filtered apply(List<SequencePair> pairs) {
        List<SequencePair> kept = new ArrayList<>(pairs.size());
        long sourceTooShort = 0;
        long sourceTooLong = 0;
        long targetTooShort = 0;
        long targetTooLong = 0;
        for (SequencePair pair : pairs) {
            int source = pair.source().size();
            int target = pair.target().size();
            sourceTooShort += source < minSourceLength ? 1 : 0;
            sourceTooLong += source > maxSourceLength ? 1 : 0;
            targetTooShort += target < minTargetLength ? 1 : 0;
            targetTooLong += target > maxTargetLength ? 1 : 0;
            if (accepts(pair)) {
                kept.add(pair);
            }
        }
        return new Filtered(kept, pairs.size() - kept.size(), sourceTooShort, sourceTooLong, targetTooShort,
                targetTooLong);
    }
}
