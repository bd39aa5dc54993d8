package org.seq2seq4j.experiments.ablation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.experiments.run.LengthBucketScore;

/**
 * The results of an ablation: {@value #CSV} with one row per run, {@value #MARKDOWN} with mean ± sample standard
 * deviation per cell over its seeds, and the plots of {@link AblationPlots}, all in the ablation's output directory.
 *
 * @param plan     the ablation
 * @param outcomes one per planned run, in plan order
 * @param wallTime wall-clock time of the invocation that wrote the summary (null when only summarising)
 */
public record AblationSummary(AblationPlan plan, List<RunOutcome> outcomes, Duration wallTime) {

    /** One row per run. */
    public static final String CSV = "summary.csv";
    /** Tables of means and deviations per cell. */
    public static final String MARKDOWN = "summary.md";

    public AblationSummary {
        outcomes = List.copyOf(outcomes);
    }

    public static AblationSummary of(AblationPlan plan, List<RunOutcome> outcomes, Duration wallTime) {
        return new AblationSummary(plan, outcomes, wallTime);
    }

    /** The finished runs of a cell. */
    public List<RunOutcome> finished(AblationCell cell) {
        return outcomes.stream().filter(o -> o.run().cell().equals(cell) && o.finished()).toList();
    }

    /**
     * Mean and deviation over a cell's finished runs; a NaN value (a score missing from a report written before it
     * existed) is left out.
     */
    public MeanStd stat(AblationCell cell, ToDoubleFunction<RunOutcome> value) {
        return MeanStd.of(finished(cell).stream().map(value::applyAsDouble).filter(v -> !Double.isNaN(v)).toList());
    }

    /** The cell's mean and deviation of the ablation's metric, as shown (accuracies in percent). */
    public MeanStd metric(AblationCell cell) {
        AblationMetric m = plan.config().metric();
        return stat(cell, o -> m.shown(m.of(o.test())));
    }

    /** Exact match (percent) by source-length bucket label, over the cell's finished runs; buckets in length order. */
    public Map<String, MeanStd> byLength(AblationCell cell) {
        Map<Integer, String> labels = new TreeMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (RunOutcome o : finished(cell)) {
            for (LengthBucketScore b : o.test().bySourceLength()) {
                labels.put(b.minLength(), b.label());
            }
        }
        for (String label : labels.values()) {
            values.put(label, new ArrayList<>());
        }
        for (RunOutcome o : finished(cell)) {
            for (LengthBucketScore b : o.test().bySourceLength()) {
                values.get(b.label()).add(100 * b.sequenceAccuracy());
            }
        }
        Map<String, MeanStd> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, MeanStd.of(v)));
        return out;
    }

    /** Every bucket label any run has, in length order. */
    public List<String> lengthBuckets() {
        Map<Integer, String> labels = new TreeMap<>();
        for (RunOutcome o : outcomes) {
            if (o.finished()) {
                o.test().bySourceLength().forEach(b -> labels.put(b.minLength(), b.label()));
            }
        }
        return new ArrayList<>(labels.values());
    }

    /** Writes {@value #CSV}, {@value #MARKDOWN} and the plots. */
    public void write() {
        Path root = plan.root();
        AtomicFiles.writeString(root.resolve(CSV), csv());
        AtomicFiles.writeString(root.resolve(MARKDOWN), markdown());
        AblationPlots.writeAll(this);
    }

    /**
     * {@value #CSV}: one row per run with its axis values, seed, status and test scores (the scores of the compared
     * metric's family too, {@link AblationMetric#inCsvWith}, as fractions like the accuracies).
     */
    public String csv() {
        List<String> buckets = lengthBuckets();
        List<AblationMetric> extra = Arrays.stream(AblationMetric.values())
                .filter(m -> m.inCsvWith(plan.config().metric())).toList();
        List<String> header = new ArrayList<>(List.of("cell"));
        plan.config().axes().forEach(a -> header.add(a.path()));
        header.addAll(List.of("seed", "status", "epochs", "best_epoch", "training_seconds", "test_sequence_accuracy",
                "test_token_accuracy", "test_loss", "test_perplexity"));
        extra.forEach(m -> header.add("test_" + m.jsonName()));
        buckets.forEach(b -> header.add("test_sequence_accuracy_len_" + b));
        StringBuilder s = new StringBuilder(String.join(",", header)).append('\n');
        for (RunOutcome o : outcomes) {
            List<String> row = new ArrayList<>();
            row.add(o.run().cell().id());
            plan.config().axes().forEach(a -> row.add(csvField(o.run().cell().shown(a.path()))));
            row.add(Long.toString(o.run().seed()));
            row.add(o.finished() ? "finished" : csvField(o.failure()));
            row.add(Integer.toString(o.epochs().size()));
            row.add(Integer.toString(o.bestEpoch()));
            row.add(num(o.trainingSeconds()));
            if (o.finished()) {
                row.addAll(List.of(num(o.test().sequenceAccuracy()), num(o.test().tokenAccuracy()),
                        num(o.test().loss()), num(o.test().perplexity())));
                extra.forEach(m -> row.add(Double.isNaN(m.of(o.test())) ? "" : num(m.of(o.test()))));
                Map<String, Double> byLabel = o.test().bySourceLength().stream()
                        .collect(Collectors.toMap(LengthBucketScore::label, LengthBucketScore::sequenceAccuracy));
                buckets.forEach(b -> row.add(byLabel.containsKey(b) ? num(byLabel.get(b)) : ""));
            } else {
                for (int i = 0; i < 4 + extra.size() + buckets.size(); i++) {
                    row.add("");
                }
            }
            s.append(String.join(",", row)).append('\n');
        }
        return s.toString();
    }

    /** {@value #MARKDOWN}: per-cell means ± sample standard deviations over the seeds. */
    public String markdown() {
        AblationConfig c = plan.config();
        StringBuilder s = new StringBuilder("# Ablation: ").append(c.name()).append("\n\n");
        s.append("Base experiment `").append(c.base().getFileName()).append("`");
        if (!c.set().isEmpty()) {
            s.append(" with ").append(c.set().entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                    .collect(Collectors.joining(", ")));
        }
        s.append("; seeds ").append(c.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append(". Test split, best checkpoint by the dev metric; mean ± sample standard deviation over the "
                        + "seeds.\n\n");
        List<String> head = new ArrayList<>();
        c.axes().forEach(a -> head.add(a.key()));
        head.addAll(List.of("runs", c.metric().title()));
        for (AblationMetric m : AblationMetric.values()) {
            if (m.shownWith(c.metric())) {
                head.add(m.title());
            }
        }
        head.addAll(List.of("best epoch", "training min"));
        table(s, head);
        for (AblationCell cell : plan.cells()) {
            List<String> row = axisValues(cell);
            row.add(finished(cell).size() + "/" + c.seeds().size());
            row.add(metric(cell).format(c.metric().decimals()));
            for (AblationMetric m : AblationMetric.values()) {
                if (m.shownWith(c.metric())) {
                    row.add(stat(cell, o -> m.shown(m.of(o.test()))).format(m.decimals()));
                }
            }
            row.add(stat(cell, RunOutcome::bestEpoch).format(1));
            row.add(stat(cell, o -> o.trainingSeconds() / 60).format(1));
            s.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        List<String> buckets = lengthBuckets();
        if (buckets.size() > 1) {
            s.append("\n## Exact match (%) by source length\n\n");
            List<String> h = new ArrayList<>();
            c.axes().forEach(a -> h.add(a.key()));
            buckets.forEach(b -> h.add(b + " tokens"));
            table(s, h);
            for (AblationCell cell : plan.cells()) {
                List<String> row = axisValues(cell);
                Map<String, MeanStd> by = byLength(cell);
                buckets.forEach(b -> row.add(by.containsKey(b) ? by.get(b).format(1) : "–"));
                s.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        List<RunOutcome> missing = outcomes.stream().filter(o -> !o.finished()).toList();
        if (!missing.isEmpty()) {
            s.append("\n## Runs without results\n\n");
            missing.forEach(o -> s.append("- `").append(o.run().id()).append("`: ").append(o.failure()).append('\n'));
        }
        double trainingMinutes = outcomes.stream().mapToDouble(RunOutcome::trainingSeconds).sum() / 60;
        s.append(String.format(Locale.ROOT, "%nTraining steps took %.1f min summed over the runs", trainingMinutes));
        if (wallTime != null) {
            s.append(String.format(Locale.ROOT, "; the invocation that wrote this summary took %.1f min wall time",
                    wallTime.toMillis() / 60000.0));
        }
        s.append(".\n\nPlots: `").append(AblationPlots.metricFile(c.metric())).append("`, `")
                .append(AblationPlots.LEARNING_CURVES).append('`');
        if (buckets.size() > 1) {
            s.append(", `").append(AblationPlots.BY_LENGTH).append('`');
        }
        s.append(". Per-run results: `").append(CSV).append("` and the run directories `<cell>/seed-<seed>/`.\n");
        return s.toString();
    }

    private List<String> axisValues(AblationCell cell) {
        List<String> row = new ArrayList<>();
        plan.config().axes().forEach(a -> row.add(cell.shown(a.path())));
        if (row.isEmpty()) {
            row.add(cell.label());
        }
        return row;
    }

    private void table(StringBuilder s, List<String> head) {
        if (plan.config().axes().isEmpty()) {
            head.add(0, "cell");
        }
        s.append("| ").append(String.join(" | ", head)).append(" |\n|");
        head.forEach(h -> s.append("---|"));
        s.append('\n');
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csvField(String v) {
        if (v == null) {
            return "";
        }
        String flat = v.replace('\n', ' ');
        return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
