package org.seq2seq4j.data.pair;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LengthFilterTest {

    private static SequencePair pair(int sourceLength, int targetLength) {
        return new SequencePair(Collections.nCopies(sourceLength, "s"), Collections.nCopies(targetLength, "t"));
    }

    @Test
    void keepsPairsWithinBoundsInclusive() {
        LengthFilter filter = new LengthFilter(1, 3, 2, 4);
        assertTrue(filter.accepts(pair(1, 2)));
        assertTrue(filter.accepts(pair(3, 4)));
        assertFalse(filter.accepts(pair(0, 2)));
        assertFalse(filter.accepts(pair(4, 2)));
        assertFalse(filter.accepts(pair(2, 1)));
        assertFalse(filter.accepts(pair(2, 5)));
    }

    @Test
    void countsRemovedPairsUnderEveryReasonTheyFail() {
        List<SequencePair> pairs = List.of(pair(2, 2), pair(0, 2), pair(9, 9), pair(2, 1), pair(3, 3));
        LengthFilter.Filtered filtered = new LengthFilter(1, 3, 2, 4).apply(pairs);
        assertEquals(List.of(pair(2, 2), pair(3, 3)), filtered.kept());
        assertEquals(3, filtered.removed());
        assertEquals(1, filtered.sourceTooShort());
        assertEquals(1, filtered.sourceTooLong());
        assertEquals(1, filtered.targetTooShort());
        assertEquals(1, filtered.targetTooLong());
    }

    @Test
    void rejectsMaximumBelowMinimum() {
        DatasetConfigException error = assertThrows(DatasetConfigException.class, () -> new LengthFilter(5, 4, 1, 1));
        assertEquals("maxSourceLength must be at least minSourceLength (5), got 4", error.getMessage());
        assertEquals("maxSourceLength", error.field());
        assertEquals("minTargetLength must be at least 0, got -1",
                assertThrows(DatasetConfigException.class, () -> new LengthFilter(0, 4, -1, 1)).getMessage());
    }

    @Test
    void readsFromJson() throws Exception {
        assertEquals(new LengthFilter(1, 50, 1, 60), new ObjectMapper().readValue("""
                {"minSourceLength": 1, "maxSourceLength": 50, "minTargetLength": 1, "maxTargetLength": 60}""",
                LengthFilter.class));
    }
}
