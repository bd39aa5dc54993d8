package org.seq2seq4j.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random id sequences for tests: tokens in [4, vocabulary) so that the reserved ids 0..3 never appear. */
public final class ToyBatches {

    private ToyBatches() {
    }

    /** {@code count} sequences with lengths uniform in [minLength, maxLength]. */
    public static List<int[]> sequences(int count, int minLength, int maxLength, int vocabulary, long seed) {
        Random r = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int len = minLength + r.nextInt(maxLength - minLength + 1);
            int[] s = new int[len];
            for (int j = 0; j < len; j++) {
                s[j] = 4 + r.nextInt(vocabulary - 4);
            }
            out.add(s);
        }
        return out;
    }
}
