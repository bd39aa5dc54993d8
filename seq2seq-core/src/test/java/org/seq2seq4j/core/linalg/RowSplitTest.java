package org.seq2seq4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RowSplitTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "7, 1", "7, 2", "7, 3", "64, 2", "64, 5", "3, 3"})
    void everyRowRunsExactlyOnce(int rows, int parts) {
        AtomicIntegerArray seen = new AtomicIntegerArray(rows);
        RowSplit.runInParts(rows, parts, (from, to) -> {
            for (int r = from; r < to; r++) {
                seen.incrementAndGet(r);
            }
        });
        int[] counts = new int[rows];
        for (int r = 0; r < rows; r++) {
            counts[r] = seen.get(r);
        }
        int[] once = new int[rows];
        Arrays.fill(once, 1);
        assertArrayEquals(once, counts);
    }

    @Test
    void aFailingShareFailsTheStep() {
        var e = assertThrows(IllegalArgumentException.class, () -> RowSplit.runInParts(4, 2, (from, to) -> {
            if (from == 0) {
                throw new IllegalArgumentException("share 0");
            }
        }));
        org.junit.jupiter.api.Assertions.assertEquals("share 0", e.getMessage());
    }
}
