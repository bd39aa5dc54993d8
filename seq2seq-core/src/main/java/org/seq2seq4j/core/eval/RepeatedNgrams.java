package org.seq2seq4j.core.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much decoded outputs repeat themselves, the measure coverage is meant to lower (See et al. 2017, figure 4): of
 * all n-gram occurrences in the outputs, the share that repeat an n-gram seen earlier in the same output.
 */
public final class RepeatedNgrams {

    /** The n-gram orders reported by {@link #rates}. */
    public static final int MAX_ORDER = 4;

    private RepeatedNgrams() {
    }

    /**
     * The share of {@code n}-gram occurrences that repeat an earlier one of the same output; 0 when the outputs have
     * no {@code n}-grams.
     *
     * @param outputs token id sequences
     * @param n       n-gram order, at least 1
     */
    public static double rate(List<int[]> outputs, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n-gram order must be at least 1, got " + n);
        }
        long total = 0;
        long repeated = 0;
        for (int[] tokens : outputs) {
            Set<List<Integer>> seen = new HashSet<>();
            for (int i = 0; i + n <= tokens.length; i++) {
                List<Integer> gram = new java.util.ArrayList<>(n);
                for (int j = i; j < i + n; j++) {
                    gram.add(tokens[j]);
                }
                total++;
                if (!seen.add(gram)) {
                    repeated++;
                }
            }
        }
        return total == 0 ? 0 : (double) repeated / total;
    }

    /** {@link #rate} for orders 1 to {@value #MAX_ORDER}, keyed {@code "1"} to {@code "4"}. */
    public static Map<String, Double> rates(List<int[]> outputs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int n = 1; n <= MAX_ORDER; n++) {
            out.put(Integer.toString(n), rate(outputs, n));
        }
        return out;
    }
}
