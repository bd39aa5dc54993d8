package org.seq2seq4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.seq2seq4j.core.train.EpochMetrics;

class LearningCurvePlotsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void writesFourPngsForSeveralEpochs() throws IOException {
        List<Path> files = LearningCurvePlots.writeAll(SampleMetrics.epochs(6), dir, "addition");

        assertEquals(List.of(dir.resolve("loss.png"), dir.resolve("accuracy.png"),
                dir.resolve("position_accuracy.png"), dir.resolve("learning_curves.png")), files);
        for (Path file : files) {
            assertValidPng(file);
        }
    }

    @Test
    void writesPngsForASingleEpoch() throws IOException {
        for (Path file : LearningCurvePlots.writeAll(SampleMetrics.epochs(1), dir, "one epoch")) {
            assertValidPng(file);
        }
    }

    @Test
    void skipsNonFiniteValuesWithoutFailing() throws IOException {
        List<EpochMetrics> metrics = List.of(SampleMetrics.epoch(1), SampleMetrics.diverged(2), SampleMetrics.epoch(3));

        for (Path file : LearningCurvePlots.writeAll(metrics, dir, "diverging")) {
            assertValidPng(file);
        }
    }

    @Test
    void drawsChartsWhoseSeriesAreAllNaN() throws IOException {
        for (Path file : LearningCurvePlots.writeAll(List.of(SampleMetrics.diverged(1)), dir, "all NaN")) {
            assertValidPng(file);
        }
    }

    @Test
    void threePanelFigureIsThreePanelsWide() throws IOException {
        LearningCurvePlots.writeAll(SampleMetrics.epochs(3), dir, "addition");

        BufferedImage image = ImageIO.read(dir.resolve(LearningCurvePlots.LEARNING_CURVES).toFile());

        assertEquals(3 * LearningCurvePlots.PANEL_WIDTH, image.getWidth());
        assertEquals(LearningCurvePlots.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void positionChartHasOneLinePerOutputPosition() {
        XYChart chart = LearningCurvePlots.positionAccuracyChart(SampleMetrics.epochs(2), "t", 400, 300);

        assertEquals(List.of("pos 0", "pos 1", "pos 2", "pos 3"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void nanPointsAreLeftOutOfTheirSeries() {
        List<EpochMetrics> metrics = List.of(SampleMetrics.epoch(1), SampleMetrics.diverged(2), SampleMetrics.epoch(3));

        XYChart chart = LearningCurvePlots.positionAccuracyChart(metrics, "t", 400, 300);

        assertArrayEquals(new double[] {1, 3}, chart.getSeriesMap().get("pos 0").getXData());
        assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("pos 1").getXData());
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        LearningCurvePlots.writeAll(SampleMetrics.epochs(2), dir, "addition");

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void rejectsAnEmptyRun() {
        assertThrows(IllegalArgumentException.class, () -> LearningCurvePlots.writeAll(List.of(), dir, "empty"));
    }

    private static void assertValidPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > PNG_SIGNATURE.length, file + " is empty");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), file + " is not a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " cannot be decoded");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0, file + " has no pixels");
    }
}
