package org.seq2seq4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.train.EpochMetrics;

class MetricsLogTest {

    @TempDir
    Path runDir;

    @Test
    void readReturnsWhatWasAppendedOneLinePerEpoch() throws IOException {
        MetricsLog log = MetricsLog.inRunDir(runDir);
        List<EpochMetrics> written = List.of(SampleMetrics.epoch(1), SampleMetrics.epoch(2), SampleMetrics.diverged(3));
        written.forEach(log::append);

        assertEquals(runDir.resolve("metrics.jsonl"), log.file());
        assertEquals(3, Files.readAllLines(log.file()).size());
        assertEquals(written, MetricsLog.read(log.file()));
    }

    @Test
    void linesUseRecordComponentNamesAsKeys() {
        String json = MetricsLog.toJson(SampleMetrics.epoch(1));

        assertTrue(json.startsWith("{\"epoch\":1,\"step\":100,"), json);
        assertTrue(json.contains("\"devPositionAccuracy\":["), json);
        assertFalse(json.contains("\n"), json);
    }

    @Test
    void devScoresRoundTripInOrderAndLinesWrittenBeforeThemReadAsEmpty() throws IOException {
        EpochMetrics e = SampleMetrics.epoch(1);
        java.util.Map<String, Double> scores = new java.util.LinkedHashMap<>();
        scores.put("chrf", 41.5);
        scores.put("bleu", 12.25);
        EpochMetrics scored = new EpochMetrics(e.epoch(), e.step(), e.learningRate(), e.trainLoss(), e.devLoss(),
                e.devPerplexity(), e.devTokenAccuracy(), e.devSequenceAccuracy(), e.devPositionAccuracy(),
                e.epochSeconds(), e.targetTokensPerSecond(), scores);
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        String old = MetricsLog.toJson(e).replace(",\"devScores\":{}", "");
        assertFalse(old.contains("devScores"), old);
        Files.writeString(file, old + "\n" + MetricsLog.toJson(scored).replace("\"epoch\":1", "\"epoch\":2") + "\n");

        List<EpochMetrics> read = MetricsLog.read(file);

        assertEquals(java.util.Map.of(), read.get(0).devScores());
        assertEquals(List.of("chrf", "bleu"), List.copyOf(read.get(1).devScores().keySet()));
        assertEquals(12.25, read.get(1).value(org.seq2seq4j.core.config.ValidationMetric.BLEU));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> read.get(0).value(org.seq2seq4j.core.config.ValidationMetric.BLEU));
        assertTrue(missing.getMessage().contains("no dev score \"bleu\""), missing.getMessage());
    }

    @Test
    void corruptLineIsReportedWithFileAndLineNumber() throws IOException {
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        String good = MetricsLog.toJson(SampleMetrics.epoch(1));
        Files.writeString(file, good + "\n" + """
                {"epoch":2,"step":200,"learningRate":0.001,"trainLoss":1.0
                """, StandardCharsets.UTF_8);

        MetricsLogFormatException e = assertThrows(MetricsLogFormatException.class, () -> MetricsLog.read(file));

        assertEquals(2, e.line());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }

    @Test
    void unknownKeyIsReportedWithItsLine() throws IOException {
        Path file = runDir.resolve(MetricsLog.FILE_NAME);
        String line = MetricsLog.toJson(SampleMetrics.epoch(1)).replace("{\"epoch\"", "{\"epochz\":1,\"epoch\"");
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8);

        MetricsLogFormatException e = assertThrows(MetricsLogFormatException.class, () -> MetricsLog.read(file));

        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("epochz"), e.getMessage());
    }

    @Test
    void repeatedEpochIsRejectedWithAHintToTruncate() {
        MetricsLog log = MetricsLog.inRunDir(runDir);
        log.append(SampleMetrics.epoch(1));
        log.append(SampleMetrics.epoch(2));
        log.append(SampleMetrics.epoch(2));

        MetricsLogFormatException e =
                assertThrows(MetricsLogFormatException.class, () -> MetricsLog.read(log.file()));

        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("truncateAfter"), e.getMessage());
    }

    @Test
    void truncateAfterKeepsOnlyEpochsUpToTheCheckpoint() throws IOException {
        MetricsLog log = MetricsLog.inRunDir(runDir);
        SampleMetrics.epochs(5).forEach(log::append);
        List<String> before = Files.readAllLines(log.file());

        int removed = MetricsLog.truncateAfter(log.file(), 3);

        assertEquals(2, removed);
        assertEquals(before.subList(0, 3), Files.readAllLines(log.file()));
        log.append(SampleMetrics.epoch(4));
        assertEquals(SampleMetrics.epochs(4), MetricsLog.read(log.file()));
    }

    @Test
    void truncateAfterTheLastEpochChangesNothing() throws IOException {
        MetricsLog log = MetricsLog.inRunDir(runDir);
        SampleMetrics.epochs(2).forEach(log::append);
        String before = Files.readString(log.file());

        assertEquals(0, MetricsLog.truncateAfter(log.file(), 7));
        assertEquals(before, Files.readString(log.file()));
    }

    @Test
    void truncateAfterZeroEmptiesTheLog() {
        MetricsLog log = MetricsLog.inRunDir(runDir);
        SampleMetrics.epochs(2).forEach(log::append);

        assertEquals(2, MetricsLog.truncateAfter(log.file(), 0));
        assertEquals(List.of(), MetricsLog.read(log.file()));
    }

    @Test
    void truncateAfterLeavesAMissingLogMissing() {
        Path file = runDir.resolve(MetricsLog.FILE_NAME);

        assertEquals(0, MetricsLog.truncateAfter(file, 3));
        assertFalse(Files.exists(file));
    }

    @Test
    void truncateAfterRejectsNegativeEpoch() {
        assertThrows(IllegalArgumentException.class,
                () -> MetricsLog.truncateAfter(runDir.resolve(MetricsLog.FILE_NAME), -1));
    }
}
