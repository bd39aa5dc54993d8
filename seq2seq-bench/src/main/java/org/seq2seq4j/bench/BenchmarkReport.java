package org.seq2seq4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seq2seq4j.core.io.Json;

/**
 * The Markdown summary of one or more benchmark runs: one row per benchmark and parameter set, one score column per
 * run (a CPU run and a CUDA run side by side, say), each with its JMH error (99.9 % confidence half-width) and the
 * counters the benchmarks report (target tokens, sentences, FLOPs per second). The header of every run states its
 * machine, backend, JDK and thread limit.
 *
 * <pre>
 *   java -cp seq2seq-bench/target/benchmarks.jar org.seq2seq4j.bench.BenchmarkReport bench-results/cpu bench-results/cuda
 * </pre>
 */
public final class BenchmarkReport {

    /** JMH's results, as written with {@code -rf json}. */
    static final String RESULTS = "results.json";
    /** The {@link BenchmarkEnvironment} of a run. */
    static final String ENVIRONMENT = "environment.json";

    private BenchmarkReport() {
    }

    /** One run: its label (the directory name), its environment and its JMH results. */
    record Run(String label, BenchmarkEnvironment environment, JsonNode results) {

        static Run read(Path dir) throws IOException {
            Path results = dir.resolve(RESULTS);
            if (!Files.isRegularFile(results)) {
                throw new IOException(dir + " holds no " + RESULTS + " (a directory written by BenchmarkSuite)");
            }
            BenchmarkEnvironment env = Files.isRegularFile(dir.resolve(ENVIRONMENT))
                    ? Json.mapper().readValue(dir.resolve(ENVIRONMENT).toFile(), BenchmarkEnvironment.class) : null;
            return new Run(dir.getFileName().toString(), env, Json.mapper().readTree(results.toFile()));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: BenchmarkReport RESULT_DIR [RESULT_DIR ...]");
            System.exit(2);
        }
        List<Run> runs = new ArrayList<>();
        for (String a : args) {
            runs.add(Run.read(Path.of(a)));
        }
        System.out.print(markdown(runs));
    }

    /** The summary of {@code runs}. */
    static String markdown(List<Run> runs) {
        StringBuilder out = new StringBuilder("# seq2seq4j benchmarks\n\n");
        for (Run r : runs) {
            BenchmarkEnvironment e = r.environment();
            out.append("- **").append(r.label()).append("**: ");
            if (e == null) {
                out.append("environment not recorded\n");
            } else {
                out.append(e.cpu()).append(", ").append(e.cores()).append(" cores, ").append(e.os()).append("; JDK ")
                        .append(e.jdk()).append("; ND4J ").append(e.backend()).append("; ").append(e.threads())
                        .append(" thread(s), OMP_NUM_THREADS ").append(e.ompEnv())
                        .append(e.waitPolicy() == null ? "" : ", OMP_WAIT_POLICY " + e.waitPolicy())
                        .append("; started ")
                        .append(e.started()).append('\n');
            }
        }
        out.append("\nScores are JMH means ± the 99.9 % confidence half-width over the measurement iterations.\n\n");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Run r : runs) {
            for (JsonNode b : r.results()) {
                String key = "`" + shortName(b.path("benchmark").asText()) + "` " + params(b.path("params"));
                rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.label(), cell(b));
            }
        }
        out.append("| benchmark | parameters |");
        runs.forEach(r -> out.append(' ').append(r.label()).append(" |"));
        out.append("\n|---|---|");
        runs.forEach(r -> out.append("---|"));
        out.append('\n');
        for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
            int split = row.getKey().indexOf("` ") + 1;
            out.append("| ").append(row.getKey(), 0, split).append(" | ").append(row.getKey().substring(split + 1))
                    .append(" |");
            for (Run r : runs) {
                out.append(' ').append(row.getValue().getOrDefault(r.label(), "–")).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String shortName(String benchmark) {
        return benchmark.replace("org.seq2seq4j.bench.", "");
    }

    private static String params(JsonNode params) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            parts.add(p.getKey() + "=" + p.getValue().asText());
        }
        return String.join(", ", parts);
    }

    /** The primary score and every counter of one result. */
    static String cell(JsonNode b) {
        StringBuilder s = new StringBuilder(score(b.path("primaryMetric")));
        for (Iterator<Map.Entry<String, JsonNode>> it = b.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            s.append("<br>").append(m.getKey()).append(": ").append(score(m.getValue()));
        }
        return s.toString();
    }

    private static String score(JsonNode metric) {
        double score = metric.path("score").asDouble();
        double error = metric.path("scoreError").asDouble(Double.NaN);
        String unit = metric.path("scoreUnit").asText();
        String e = Double.isNaN(error) ? "" : " ± " + format(error);
        return format(score) + e + " " + unit;
    }

    /** Three significant digits, with thousands separators for large values. */
    static String format(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }
}
