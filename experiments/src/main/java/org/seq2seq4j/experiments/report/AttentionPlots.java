package org.seq2seq4j.experiments.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.io.Json;

/**
 * Writes {@link AttentionMap}s as JSON ({@code NNNN.json}: source tokens, output tokens and the weight matrix) and as
 * heatmap PNGs ({@code NNNN.png}: source tokens along x, output tokens down y, white 0 to dark blue 1), the figure of
 * Bahdanau et al. (2015, fig. 3). {@code NNNN} is the 1-based input line number.
 */
public final class AttentionPlots {

    private static final int CELL = 28;
    private static final int MARGIN = 160;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private AttentionPlots() {
    }

    /** The file name stem of input line {@code line} (1-based): {@code 0007}. */
    public static String stem(int line) {
        return String.format(java.util.Locale.ROOT, "%04d", line);
    }

    /**
     * Writes {@code <stem>.json} and {@code <stem>.png} into {@code dir} (created if needed).
     *
     * @return the two files
     */
    public static List<Path> write(AttentionMap map, Path dir, int line, String title) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Path json = dir.resolve(stem(line) + ".json");
        Path png = dir.resolve(stem(line) + ".png");
        AtomicFiles.write(json, out -> Json.mapper().writeValue(out, map));
        HeatMapChart chart = heatmap(map, title);
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
        return List.of(json, png);
    }

    static HeatMapChart heatmap(AttentionMap map, String title) {
        int cols = Math.max(1, map.sourceTokens().size());
        int rows = Math.max(1, map.outputTokens().size());
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(Math.max(400, cols * CELL + MARGIN + 120))
                .height(Math.max(300, rows * CELL + MARGIN))
                .title(title)
                .xAxisTitle("source")
                .yAxisTitle("output")
                .build();
        chart.getStyler().setMin(0.0);
        chart.getStyler().setMax(1.0);
        chart.getStyler().setRangeColors(new Color[]{Color.WHITE, new Color(8, 48, 107)});
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setShowValue(false);
        // labels carry the position so repeated tokens stay distinct categories; rows top-down in output order
        List<String> xs = new ArrayList<>();
        for (int i = 0; i < map.sourceTokens().size(); i++) {
            xs.add(visible(map.sourceTokens().get(i)));
        }
        List<String> ys = new ArrayList<>();
        for (int j = map.outputTokens().size() - 1; j >= 0; j--) {
            ys.add(visible(map.outputTokens().get(j)));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int j = 0; j < map.outputTokens().size(); j++) {
            for (int i = 0; i < map.sourceTokens().size(); i++) {
                cells.add(new Number[]{i, map.outputTokens().size() - 1 - j, map.weights()[j][i]});
            }
        }
        chart.addSeries("attention", indexed(xs), indexed(ys), cells);
        return chart;
    }

    /** A blank token (a space of a character-level model) shown as a visible mark. */
    private static String visible(String token) {
        return token.isBlank() ? "␣" : token;
    }

    /** Category labels made unique by appending zero-width spaces, so equal tokens keep separate columns. */
    private static List<String> indexed(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(labels.get(i) + "\u200b".repeat(i));
        }
        return out;
    }
}
