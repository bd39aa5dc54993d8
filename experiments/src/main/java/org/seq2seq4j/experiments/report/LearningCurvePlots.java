package org.seq2seq4j.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.train.EpochMetrics;

/**
 * PNG learning curves of a run, drawn headless with XChart from its {@link EpochMetrics} (epochs on x):
 * <ul>
 *   <li>{@value #LOSS}: train and dev per-token cross-entropy;</li>
 *   <li>{@value #ACCURACY}: dev sequence (exact-match) and dev token accuracy;</li>
 *   <li>{@value #POSITION_ACCURACY}: dev token accuracy at each target position, one line per position
 *       ("pos 0", "pos 1", ...; the reference's end-of-sequence marker counts as a position, so with
 *       variable-length targets a position is a digit for some examples and the end marker for others);</li>
 *   <li>{@value #LEARNING_CURVES}: the three panels side by side, the figure usually drawn for the
 *       addition task.</li>
 * </ul>
 * Non-finite values (NaN, infinities) are left out of their series; a series with no finite value is left out
 * of its chart. Each image is written to a temporary file and renamed into place
 * ({@link AtomicFiles#write}), so a reader never sees a half-written plot.
 */
public final class LearningCurvePlots {

    /** File name of the loss plot. */
    public static final String LOSS = "loss.png";
    /** File name of the sequence/token accuracy plot. */
    public static final String ACCURACY = "accuracy.png";
    /** File name of the per-position accuracy plot. */
    public static final String POSITION_ACCURACY = "position_accuracy.png";
    /** File name of the three-panel figure. */
    public static final String LEARNING_CURVES = "learning_curves.png";
    /** Dev BLEU and chrF per epoch, written when the epochs have dev scores. */
    public static final String DEV_SCORES = "dev_scores.png";

    /** Size of a stand-alone plot in pixels. */
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** Size of one panel of the three-panel figure in pixels. */
    static final int PANEL_WIDTH = 600;
    static final int PANEL_HEIGHT = 450;

    static {
        // Plots are drawn on servers without a display; respect an explicit choice made by the application.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private LearningCurvePlots() {
    }

    /**
     * Writes all four plots into {@code dir} (created if needed), replacing earlier versions.
     *
     * @param metrics the run's epochs in increasing order, at least one
     * @param dir     output directory, usually the run directory
     * @param title   run name shown in every chart title
     * @return the written files in the order loss, accuracy, per-position accuracy, three-panel figure, and then
     *         dev scores when any epoch has them
     * @throws IllegalArgumentException if {@code metrics} is empty
     * @throws UncheckedIOException     if a file cannot be written
     */
    public static List<Path> writeAll(List<EpochMetrics> metrics, Path dir, String title) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(title, "title");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot for '" + title + "': the metrics list is empty");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create plot directory " + dir + ": " + e.getMessage(), e);
        }
        XYChart loss = lossChart(metrics, title, WIDTH, HEIGHT);
        XYChart accuracy = accuracyChart(metrics, title, WIDTH, HEIGHT);
        XYChart positions = positionAccuracyChart(metrics, title, WIDTH, HEIGHT);
        List<XYChart> panels = List.of(
                lossChart(metrics, title, PANEL_WIDTH, PANEL_HEIGHT),
                sequenceAccuracyChart(metrics, title, PANEL_WIDTH, PANEL_HEIGHT),
                positionAccuracyChart(metrics, title, PANEL_WIDTH, PANEL_HEIGHT));

        Path lossFile = dir.resolve(LOSS);
        Path accuracyFile = dir.resolve(ACCURACY);
        Path positionFile = dir.resolve(POSITION_ACCURACY);
        Path curvesFile = dir.resolve(LEARNING_CURVES);
        AtomicFiles.write(lossFile, out -> BitmapEncoder.saveBitmap(loss, out, BitmapFormat.PNG));
        AtomicFiles.write(accuracyFile, out -> BitmapEncoder.saveBitmap(accuracy, out, BitmapFormat.PNG));
        AtomicFiles.write(positionFile, out -> BitmapEncoder.saveBitmap(positions, out, BitmapFormat.PNG));
        AtomicFiles.write(curvesFile, out -> BitmapEncoder.saveBitmap(panels, 1, panels.size(), out, BitmapFormat.PNG));
        if (metrics.stream().allMatch(m -> m.devScores().isEmpty())) {
            return List.of(lossFile, accuracyFile, positionFile, curvesFile);
        }
        XYChart scores = devScoresChart(metrics, title, WIDTH, HEIGHT);
        Path scoresFile = dir.resolve(DEV_SCORES);
        AtomicFiles.write(scoresFile, out -> BitmapEncoder.saveBitmap(scores, out, BitmapFormat.PNG));
        return List.of(lossFile, accuracyFile, positionFile, curvesFile, scoresFile);
    }

    /** Every dev score (BLEU, chrF: 0..100) per epoch, one line each. */
    static XYChart devScoresChart(List<EpochMetrics> metrics, String title, int width, int height) {
        XYChart chart = chart(title + ": dev scores", "score (0-100)", width, height);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        for (String name : ResultsTable.devScoreNames(metrics)) {
            addSeries(chart, "dev " + name, metrics, m -> m.devScores().getOrDefault(name, Double.NaN));
        }
        return chart;
    }

    /** Train and dev loss per epoch. */
    static XYChart lossChart(List<EpochMetrics> metrics, String title, int width, int height) {
        XYChart chart = chart(title + ": loss", "cross-entropy per token (nats)", width, height);
        addSeries(chart, "train loss", metrics, EpochMetrics::trainLoss);
        addSeries(chart, "dev loss", metrics, EpochMetrics::devLoss);
        return chart;
    }

    /** Dev sequence and token accuracy per epoch, y fixed to [0, 1]. */
    static XYChart accuracyChart(List<EpochMetrics> metrics, String title, int width, int height) {
        XYChart chart = accuracyAxes(chart(title + ": dev accuracy", "accuracy", width, height));
        addSeries(chart, "dev sequence accuracy", metrics, EpochMetrics::devSequenceAccuracy);
        addSeries(chart, "dev token accuracy", metrics, EpochMetrics::devTokenAccuracy);
        return chart;
    }

    /** Dev sequence (exact-match) accuracy alone: the middle panel of the three-panel figure. */
    static XYChart sequenceAccuracyChart(List<EpochMetrics> metrics, String title, int width, int height) {
        XYChart chart = accuracyAxes(chart(title + ": dev sequence accuracy", "exact-match accuracy", width, height));
        addSeries(chart, "dev sequence accuracy", metrics, EpochMetrics::devSequenceAccuracy);
        return chart;
    }

    /** One line per output position ("pos i"), from {@link EpochMetrics#devPositionAccuracy()}. */
    static XYChart positionAccuracyChart(List<EpochMetrics> metrics, String title, int width, int height) {
        XYChart chart = accuracyAxes(chart(title + ": dev accuracy per position", "token accuracy", width, height));
        int positions = 0;
        for (EpochMetrics m : metrics) {
            positions = Math.max(positions, m.devPositionAccuracy().size());
        }
        for (int p = 0; p < positions; p++) {
            int position = p;
            addSeries(chart, "pos " + p, metrics, m -> position < m.devPositionAccuracy().size()
                    ? m.devPositionAccuracy().get(position) : Double.NaN);
        }
        return chart;
    }

    private static XYChart chart(String title, String yAxisTitle, int width, int height) {
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(yAxisTitle)
                .build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("#0");
        chart.getStyler().setYAxisDecimalPattern("0.0##");
        chart.getStyler().setPlotGridLinesVisible(true);
        return chart;
    }

    private static XYChart accuracyAxes(XYChart chart) {
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        return chart;
    }

    /** Adds the finite points of {@code value}; adds nothing if there are none. */
    private static void addSeries(XYChart chart, String name, List<EpochMetrics> metrics,
                                  ToDoubleFunction<EpochMetrics> value) {
        List<Integer> epochs = new ArrayList<>(metrics.size());
        List<Double> values = new ArrayList<>(metrics.size());
        for (EpochMetrics m : metrics) {
            double v = value.applyAsDouble(m);
            if (Double.isFinite(v)) {
                epochs.add(m.epoch());
                values.add(v);
            }
        }
        if (!epochs.isEmpty()) {
            chart.addSeries(name, epochs, values);
        }
    }
}
