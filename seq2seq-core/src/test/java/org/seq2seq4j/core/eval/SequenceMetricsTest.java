package org.seq2seq4j.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceMetricsTest {

    @Test
    void comparesPositionByPositionWithTheEndOfSequence() {
        SequenceMetrics m = new SequenceMetrics();
        m.add(new int[]{4, 5}, new int[]{4, 5});
        m.add(new int[]{4}, new int[]{4, 6});
        assertEquals(0.5, m.sequenceAccuracy());
        // 3 + 3 reference positions with end-of-sequence: all of the first, only "4" of the second
        assertEquals(4.0 / 6, m.tokenAccuracy(), 1e-12);
        assertEquals(List.of(1.0, 0.5, 0.5), m.positionAccuracy());
    }

    @Test
    void anUnknownReferenceTokenIsNeverPredictedRight() {
        SequenceMetrics m = new SequenceMetrics(3);
        m.add(new int[]{3, 5}, new int[]{3, 5});
        assertEquals(0.0, m.sequenceAccuracy(), "an output of unknown does not reproduce the unknown word");
        assertEquals(2.0 / 3, m.tokenAccuracy(), 1e-12);
        SequenceMetrics plain = new SequenceMetrics();
        plain.add(new int[]{3, 5}, new int[]{3, 5});
        assertEquals(1.0, plain.sequenceAccuracy(), "without an unknown id, ids are compared as they are");
    }
}
