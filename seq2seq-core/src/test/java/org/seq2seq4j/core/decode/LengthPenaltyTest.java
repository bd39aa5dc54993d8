package org.seq2seq4j.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LengthPenaltyTest {

    @Test
    void lengthPenaltyFormula() {
        LengthPenalty gnmt = new LengthPenalty(0.6);
        // lp(Y) = (5 + |Y|)^alpha / 6^alpha
        assertEquals(Math.pow(15, 0.6) / Math.pow(6, 0.6), gnmt.divisor(10), 1e-12);
        assertEquals(1.0, gnmt.divisor(1), 1e-12);
        assertEquals(-4.0 / (Math.pow(8, 0.6) / Math.pow(6, 0.6)), gnmt.score(-4.0, 3), 1e-12);
        assertEquals(-4.0 / (9.0 / 6.0), new LengthPenalty(1.0).score(-4.0, 4), 1e-12);
        // alpha 0 is the raw log-probability
        assertEquals(-4.0, new LengthPenalty(0).score(-4.0, 17), 0.0);
        // a longer output with the same log-probability ranks higher when alpha > 0
        assertTrue(gnmt.score(-4.0, 8) > gnmt.score(-4.0, 3));
    }

    @Test
    void rejectsNegativeAndInfiniteAlpha() {
        assertThrows(IllegalArgumentException.class, () -> new LengthPenalty(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new LengthPenalty(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new LengthPenalty(Double.NaN));
    }
}
