package org.seq2seq4j.data.batch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaddingReportTest {

    @Test
    void countsPaddingUpToTheLongestSequenceOfEachBatch() {
        int[] sources = {2, 4, 3, 3};
        int[] targets = {1, 1, 5, 5};
        PaddingReport report = PaddingReport.of(List.of(List.of(0, 1), List.of(2, 3)), sources, targets);
        assertEquals(2 * 4 + 2 * 3, report.sourcePositions());
        assertEquals(2, report.sourcePadding());
        assertEquals(2 * 2 + 2 * 6, report.targetPositions(), "targets occupy length + 1 decoder steps");
        assertEquals(0, report.targetPadding());
        assertEquals(2.0 / 14, report.sourceRatio(), 1e-12);
        assertEquals(0.0, report.targetRatio(), 1e-12);
        assertEquals(2.0 / 30, report.ratio(), 1e-12);
    }

    @Test
    void emptySourcesStillTakeOnePosition() {
        PaddingReport report = PaddingReport.of(List.of(List.of(0)), new int[]{0}, new int[]{0});
        assertEquals(new PaddingReport(1, 1, 1, 0), report);
    }

    @Test
    void noBatchesMeanNoPadding() {
        PaddingReport report = PaddingReport.of(List.of(), new int[0], new int[0]);
        assertEquals(0.0, report.sourceRatio());
        assertEquals(0.0, report.ratio());
    }

    @Test
    void rejectsMorePaddingThanPositions() {
        assertThrows(IllegalArgumentException.class, () -> new PaddingReport(3, 4, 0, 0));
    }
}
