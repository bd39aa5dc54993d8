package org.seq2seq4j.experiments.ablation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.train.EpochMetrics;

/**
 * The plots of an {@link AblationSummary}, PNG, drawn headless with XChart and written atomically:
 * <ul>
 *   <li>{@code test_<metric>.png}: a bar per cell, the mean over seeds with ± one sample standard deviation as error
 *       bar;</li>
 *   <li>{@value #LEARNING_CURVES}: dev exact match per epoch, one line per cell (the mean over the seeds that reached
 *       that epoch);</li>
 *   <li>{@value #BY_LENGTH}: test exact match by source-length bucket, one line per cell (only with two or more
 *       buckets).</li>
 * </ul>
 */
public final class AblationPlots {

    /** Dev learning curves of all cells. */
    public static final String LEARNING_CURVES = "learning_curves.png";
    /** Accuracy by source length of all cells. */
    public static final String BY_LENGTH = "by_source_length.png";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 550;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private AblationPlots() {
    }

    /** File name of the bar chart of {@code metric}. */
    public static String metricFile(AblationMetric metric) {
        return "test_" + metric.jsonName() + ".png";
    }

    /** Writes the plots into the ablation's output directory; cells without finished runs are left out. */
    public static List<Path> writeAll(AblationSummary summary) {
        Path root = summary.plan().root();
        List<Path> written = new ArrayList<>();
        CategoryChart bars = bars(summary);
        if (bars != null) {
            Path f = root.resolve(metricFile(summary.plan().config().metric()));
            AtomicFiles.write(f, out -> BitmapEncoder.saveBitmap(bars, out, BitmapFormat.PNG));
            written.add(f);
        }
        XYChart curves = learningCurves(summary);
        if (!curves.getSeriesMap().isEmpty()) {
            Path f = root.resolve(LEARNING_CURVES);
            AtomicFiles.write(f, out -> BitmapEncoder.saveBitmap(curves, out, BitmapFormat.PNG));
            written.add(f);
        }
        if (summary.lengthBuckets().size() > 1) {
            CategoryChart byLength = byLength(summary);
            Path f = root.resolve(BY_LENGTH);
            AtomicFiles.write(f, out -> BitmapEncoder.saveBitmap(byLength, out, BitmapFormat.PNG));
            written.add(f);
        }
        return written;
    }

    static CategoryChart bars(AblationSummary summary) {
        AblationMetric metric = summary.plan().config().metric();
        List<String> labels = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (AblationCell cell : summary.plan().cells()) {
            MeanStd m = summary.metric(cell);
            if (m.n() > 0) {
                labels.add(cell.label());
                means.add(m.mean());
                errors.add(Double.isNaN(m.std()) ? 0.0 : m.std());
            }
        }
        if (labels.isEmpty()) {
            return null;
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(summary.plan().config().name() + ": test " + metric.title() + " (mean ± sd over seeds)")
                .xAxisTitle("cell").yAxisTitle(metric.title()).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(labels.size() > 4 ? 20 : 0);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setPlotGridLinesVisible(true);
        if (metric.fullScale()) {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(100.0);
        } else if (metric != AblationMetric.PERPLEXITY) {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.addSeries(metric.title(), labels, means, errors);
        return chart;
    }

    static XYChart learningCurves(AblationSummary summary) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(summary.plan().config().name() + ": dev exact match (mean over seeds)")
                .xAxisTitle("epoch").yAxisTitle("dev exact match (%)").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        chart.getStyler().setXAxisDecimalPattern("#0");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setPlotGridLinesVisible(true);
        for (AblationCell cell : summary.plan().cells()) {
            List<List<EpochMetrics>> runs = summary.outcomes().stream()
                    .filter(o -> o.run().cell().equals(cell) && !o.epochs().isEmpty()).map(RunOutcome::epochs).toList();
            int epochs = runs.stream().mapToInt(List::size).max().orElse(0);
            List<Integer> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int e = 0; e < epochs; e++) {
                int epoch = e;
                List<Double> values = runs.stream().filter(r -> r.size() > epoch)
                        .map(r -> 100 * r.get(epoch).devSequenceAccuracy()).toList();
                xs.add(e + 1);
                ys.add(MeanStd.of(values).mean());
            }
            if (!xs.isEmpty()) {
                chart.addSeries(cell.label(), xs, ys);
            }
        }
        return chart;
    }

    static CategoryChart byLength(AblationSummary summary) {
        List<String> buckets = summary.lengthBuckets();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(summary.plan().config().name() + ": test exact match by source length (mean over seeds)")
                .xAxisTitle("source length (tokens)").yAxisTitle("exact match (%)").build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setPlotGridLinesVisible(true);
        for (AblationCell cell : summary.plan().cells()) {
            Map<String, MeanStd> by = summary.byLength(cell);
            if (by.isEmpty()) {
                continue;
            }
            List<Double> ys = new ArrayList<>();
            for (String b : buckets) {
                ys.add(by.containsKey(b) ? by.get(b).mean() : 0.0);
            }
            chart.addSeries(cell.label(), buckets, ys);
        }
        return chart;
    }
}
