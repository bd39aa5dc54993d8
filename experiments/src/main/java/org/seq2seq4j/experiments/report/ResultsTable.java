package org.seq2seq4j.experiments.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.train.EpochMetrics;

/**
 * The Markdown summary of a finished run, {@code <runDir>/summary.md}: the final epoch and the best epoch
 * (highest dev sequence accuracy; ties go to the lower dev loss, then the earlier epoch; NaN ranks last) with
 * dev sequence and token accuracy, dev loss, dev perplexity and train loss; the test metrics, sorted by name;
 * and training throughput. Accuracies and losses have four decimals; {@code NaN}, {@code inf}
 * and {@code -inf} are written as such.
 */
public final class ResultsTable {

    /** File name of the summary inside a run directory. */
    public static final String FILE_NAME = "summary.md";

    private ResultsTable() {
    }

    /**
     * Renders the summary, with the "best" row chosen as the trainer chooses the best checkpoint: the first epoch,
     * then every epoch that improves on it by {@code metric}.
     *
     * @param title       run name for the heading
     * @param metrics     the run's epochs, at least one
     * @param testMetrics metric name to value on the test split; may be empty
     * @param metric      the run's validation metric
     * @throws IllegalArgumentException if {@code metrics} is empty
     */
    public static String render(String title, List<EpochMetrics> metrics, Map<String, Double> testMetrics,
                                ValidationMetric metric) {
        Objects.requireNonNull(title, "title");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("cannot summarise run '" + title + "': it has no epochs");
        }
        EpochMetrics last = metrics.get(metrics.size() - 1);
        Objects.requireNonNull(metric, "metric");
        EpochMetrics best = best(metrics, metric);

        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("## Dev\n\n");
        md.append("| | epoch | sequence accuracy | token accuracy | dev loss | dev perplexity | train loss |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        epochRow(md, "final", last);
        epochRow(md, "best", best);

        md.append("\n## Test\n\n");
        if (testMetrics.isEmpty()) {
            md.append("Not evaluated on a test split.\n");
        } else {
            md.append("| metric | value |\n|---|---:|\n");
            new TreeMap<>(testMetrics).forEach((name, value) ->
                    md.append("| ").append(name).append(" | ").append(decimal(value, 4)).append(" |\n"));
        }

        epochTable(md, metrics);

        double trainSeconds = metrics.stream().mapToDouble(EpochMetrics::epochSeconds)
                .filter(Double::isFinite).sum();
        double meanTokensPerSecond = metrics.stream().mapToDouble(EpochMetrics::targetTokensPerSecond)
                .filter(Double::isFinite).average().orElse(Double.NaN);
        md.append("\n## Throughput\n\n");
        md.append("| epochs | optimizer steps | training time (s) | mean target tokens/s | last epoch tokens/s |\n");
        md.append("|---:|---:|---:|---:|---:|\n");
        md.append("| ").append(metrics.size())
                .append(" | ").append(last.step())
                .append(" | ").append(decimal(trainSeconds, 1))
                .append(" | ").append(decimal(meanTokensPerSecond, 0))
                .append(" | ").append(decimal(last.targetTokensPerSecond(), 0))
                .append(" |\n");
        return md.toString();
    }

    /**
     * Renders the summary ({@link #render}) and writes it atomically to {@code <runDir>/summary.md}; if the run
     * directory holds {@link LearningCurvePlots#LEARNING_CURVES}, the figure is embedded at the end.
     *
     * @return the written file
     */
    public static Path write(Path runDir, String title, List<EpochMetrics> metrics, Map<String, Double> testMetrics,
                             ValidationMetric metric) {
        String md = render(title, metrics, testMetrics, metric);
        if (Files.exists(runDir.resolve(LearningCurvePlots.LEARNING_CURVES))) {
            md += "\n![learning curves](" + LearningCurvePlots.LEARNING_CURVES + ")\n";
        }
        Path file = runDir.resolve(FILE_NAME);
        AtomicFiles.writeString(file, md);
        return file;
    }

    /**
     * Every epoch with the training time spent up to its end, its dev loss and accuracy and its dev scores: what
     * training time buys.
     */
    private static void epochTable(StringBuilder md, List<EpochMetrics> metrics) {
        List<String> scores = devScoreNames(metrics);
        md.append("\n## Epochs\n\n");
        md.append("| epoch | training time (min) | train loss | dev loss | dev sequence accuracy |");
        scores.forEach(name -> md.append(" dev ").append(name).append(" |"));
        md.append("\n|---:|---:|---:|---:|---:|").append("---:|".repeat(scores.size())).append('\n');
        double seconds = 0;
        for (EpochMetrics m : metrics) {
            seconds += Double.isFinite(m.epochSeconds()) ? m.epochSeconds() : 0;
            md.append("| ").append(m.epoch())
                    .append(" | ").append(decimal(seconds / 60, 1))
                    .append(" | ").append(decimal(m.trainLoss(), 4))
                    .append(" | ").append(decimal(m.devLoss(), 4))
                    .append(" | ").append(decimal(m.devSequenceAccuracy(), 4))
                    .append(" |");
            for (String name : scores) {
                md.append(' ').append(decimal(m.devScores().getOrDefault(name, Double.NaN), 2)).append(" |");
            }
            md.append('\n');
        }
    }

    private static EpochMetrics best(List<EpochMetrics> metrics, ValidationMetric metric) {
        EpochMetrics best = metrics.get(0);
        for (EpochMetrics m : metrics) {
            if (metric.improves(m.value(metric), best.value(metric))) {
                best = m;
            }
        }
        return best;
    }

    /** The dev score names of the epochs, in first-seen order. */
    static List<String> devScoreNames(List<EpochMetrics> metrics) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        metrics.forEach(m -> names.addAll(m.devScores().keySet()));
        return List.copyOf(names);
    }

    private static void epochRow(StringBuilder md, String label, EpochMetrics m) {
        md.append("| ").append(label)
                .append(" | ").append(m.epoch())
                .append(" | ").append(decimal(m.devSequenceAccuracy(), 4))
                .append(" | ").append(decimal(m.devTokenAccuracy(), 4))
                .append(" | ").append(decimal(m.devLoss(), 4))
                .append(" | ").append(decimal(m.devPerplexity(), 3))
                .append(" | ").append(decimal(m.trainLoss(), 4))
                .append(" |\n");
    }

    private static String decimal(double value, int places) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
