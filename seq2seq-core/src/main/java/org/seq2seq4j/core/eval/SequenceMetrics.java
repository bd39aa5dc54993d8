package org.seq2seq4j.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy of decoded outputs against references, accumulated over examples. Both are compared with their
 * end-of-sequence marker appended, position by position, so a hypothesis that stops early or runs on is wrong at the
 * positions where it differs.
 *
 * <ul>
 *   <li>sequence accuracy: share of examples whose output equals the reference exactly;</li>
 *   <li>token accuracy: share of reference positions (end-of-sequence included) predicted right;</li>
 *   <li>position accuracy {@code i}: token accuracy at position {@code i}, over the references that have it.</li>
 * </ul>
 *
 * <p>A reference token that is the unknown id stands for a word outside the vocabulary: no output can be checked
 * against it, so it is never predicted right (an output of unknown there would otherwise count as correct, which
 * flatters models that cannot produce the word; a copy model's copied words have their own extended ids).
 */
public final class SequenceMetrics {

    private final int unk;
    private long examples;
    private long exact;
    private long tokens;
    private long correctTokens;
    private final List<long[]> positions = new ArrayList<>();

    /** Metrics for references without an unknown id. */
    public SequenceMetrics() {
        this(-1);
    }

    /** @param unk the unknown id, never predicted right (-1 for none) */
    public SequenceMetrics(int unk) {
        this.unk = unk;
    }

    /** Adds one example; both sequences are token ids without end-of-sequence. */
    public void add(int[] hypothesis, int[] reference) {
        examples++;
        boolean unknown = unk >= 0 && java.util.Arrays.stream(reference).anyMatch(t -> t == unk);
        if (!unknown && java.util.Arrays.equals(hypothesis, reference)) {
            exact++;
        }
        int n = reference.length + 1;
        for (int i = 0; i < n; i++) {
            boolean right = i < reference.length
                    ? i < hypothesis.length && hypothesis[i] == reference[i] && reference[i] != unk
                    : hypothesis.length == reference.length;
            tokens++;
            if (positions.size() <= i) {
                positions.add(new long[2]);
            }
            positions.get(i)[1]++;
            if (right) {
                correctTokens++;
                positions.get(i)[0]++;
            }
        }
    }

    public long examples() {
        return examples;
    }

    /** Exact-match accuracy in [0, 1]. */
    public double sequenceAccuracy() {
        return examples == 0 ? 0 : (double) exact / examples;
    }

    /** Token accuracy in [0, 1]. */
    public double tokenAccuracy() {
        return tokens == 0 ? 0 : (double) correctTokens / tokens;
    }

    /** Token accuracy at each reference position (the last entries are mostly end-of-sequence positions). */
    public List<Double> positionAccuracy() {
        List<Double> out = new ArrayList<>();
        for (long[] p : positions) {
            out.add((double) p[0] / p[1]);
        }
        return out;
    }
}
