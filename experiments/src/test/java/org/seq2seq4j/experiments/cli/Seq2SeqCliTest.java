package org.seq2seq4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.train.EpochMetrics;
import org.seq2seq4j.experiments.report.MetricsLog;

/** The command line end to end on a tiny copy task: train, evaluate, translate, validate, resume, errors. */
class Seq2SeqCliTest {

    private static Path config(Path dir, int epochs) throws Exception {
        String json = """
                {
                  "schema": 1,
                  "name": "tiny-copy",
                  "seed": 3,
                  "outputDir": "%s",
                  "data": {"type": "toy", "task": {"type": "copy", "minLength": 1, "maxLength": 4, "alphabetSize": 4},
                           "trainSize": 200, "devSize": 20, "testSize": 20, "tokenizer": "char"},
                  "model": {"embeddingSize": 8, "hiddenSize": 16, "dropout": 0.1},
                  "training": {"epochs": %d, "batchSize": 32},
                  "decoding": {"maxLength": 8, "batchSize": 16}
                }
                """.formatted(dir.resolve("run").toString().replace("\\", "\\\\"), epochs);
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, json);
        return file;
    }

    /** Runs the CLI, capturing standard output and error. */
    record Result(int code, String out, String err) {
    }

    static Result cli(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Seq2SeqCli.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    @Test
    void trainEvaluateTranslateEndToEnd(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, 2);
        Result train = cli("", "train", cfg.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("sequence accuracy"), train.out());
        Path run = dir.resolve("run");
        for (String f : List.of("config.json", "manifest.json", "metrics.jsonl", "vocab.source.json",
                "vocab.target.json", "data/train.tsv", "loss.png", "accuracy.png", "position_accuracy.png",
                "learning_curves.png", "test/predictions.tsv", "test/scores.json", "summary.md",
                "checkpoints/last", "checkpoints/best")) {
            assertTrue(Files.exists(run.resolve(f)), "missing " + f);
        }
        List<EpochMetrics> metrics = MetricsLog.read(run.resolve("metrics.jsonl"));
        assertEquals(2, metrics.size());
        var manifest = Json.mapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals(3, manifest.get("seed").asInt());
        assertEquals(List.of("train", cfg.toString()), Json.mapper().convertValue(manifest.get("commandLine"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { }));
        assertEquals("1", manifest.get("environment").get("backendEnvironment").get("nd4j.maxThreads").asText());
        assertTrue(!manifest.get("finishedAt").asText().equals("running"));
        assertEquals(21, Files.readAllLines(run.resolve("test/predictions.tsv")).size(), "header + 20 examples");

        Result eval = cli("", "evaluate", run.toString(), "--split", "dev", "--checkpoint", "last");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(Files.exists(run.resolve("last-dev/scores.json")));

        Result tr = cli("ab\n\nbca\n", "translate", run.toString());
        assertEquals(0, tr.code(), tr.err());
        List<String> lines = tr.out().lines().toList();
        assertEquals(3, lines.size(), "one output line per input line: " + lines);
        assertEquals("", lines.get(1));
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "ab\n");
        Result fromFile = cli("", "translate", run.toString(), "--input", in.toString());
        assertEquals(lines.get(0), fromFile.out().lines().findFirst().orElseThrow(), "stdin and file agree");
    }

    @Test
    void beamStrategyEvaluatesAndTranslates(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, 1);
        Result train = cli("", "train", cfg.toString(), "--set",
                "decoding.strategy={\"type\":\"beam\",\"beamSize\":3,\"nBest\":2}");
        assertEquals(0, train.code(), train.err());
        Path run = dir.resolve("run");
        assertEquals(21, Files.readAllLines(run.resolve("test/predictions.tsv")).size(), "header + 20 examples");
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"beamSize\" : 3"));

        Result tr = cli("ab\nbca\n", "translate", run.toString(), "--max-length", "3");
        assertEquals(0, tr.code(), tr.err());
        List<String> lines = tr.out().lines().toList();
        assertEquals(2, lines.size(), "one output line per input line: " + lines);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 3), "at most 3 characters: " + lines);
    }

    @Test
    void decodingCanBeChangedOnTheCommandLineButNothingElse(@TempDir Path dir) throws Exception {
        assertEquals(0, cli("", "train", config(dir, 1).toString()).code());
        Path run = dir.resolve("run");
        Result beam = cli("", "evaluate", run.toString(), "--set", "decoding.strategy.type=beam", "--set",
                "decoding.strategy.beamSize=3");
        assertEquals(0, beam.code(), beam.err());
        var scores = Json.mapper().readTree(run.resolve("test-beam3-lp0.6-max8/scores.json").toFile());
        assertEquals("beam3-lp0.6-max8", scores.get("decoding").asText());
        assertEquals("greedy-max8", Json.mapper().readTree(run.resolve("test/scores.json").toFile())
                .get("decoding").asText(), "the run's own evaluation is kept");

        Result tr = cli("ab\n", "translate", run.toString(), "--set", "decoding.strategy.type=beam");
        assertEquals(0, tr.code(), tr.err());
        Result model = cli("ab\n", "translate", run.toString(), "--set", "model.hiddenSize=4");
        assertEquals(Seq2SeqCli.USAGE, model.code());
        assertTrue(model.err().contains("only decoding.* keys"), model.err());
        Result bad = cli("", "evaluate", run.toString(), "--set", "decoding.strategy.type=sample");
        assertEquals(Seq2SeqCli.USAGE, bad.code());
        assertTrue(bad.err().contains("decoding.strategy") && bad.err().contains("beam"), bad.err());
    }

    @Test
    void translateExportsAttentionAsJsonAndHeatmap(@TempDir Path dir) throws Exception {
        assertEquals(0, cli("", "train", config(dir, 1).toString(), "--set", "model.attention=dot", "--set",
                "model.reverseSource=true").code());
        Path run = dir.resolve("run");
        Path plots = dir.resolve("attention");
        Result tr = cli("abc\n\nbcaab\n", "translate", run.toString(), "--attention-plot", plots.toString());
        assertEquals(0, tr.code(), tr.err());
        assertTrue(Files.size(plots.resolve("0001.png")) > 0);
        assertTrue(Files.size(plots.resolve("0003.png")) > 0);
        assertTrue(!Files.exists(plots.resolve("0002.json")), "an empty line has no attention");
        var map = Json.mapper().readTree(plots.resolve("0003.json").toFile());
        assertEquals(List.of("b", "c", "a", "a", "b"), Json.mapper().convertValue(map.get("sourceTokens"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { }), "original source order");
        String output = tr.out().lines().toList().get(2);
        var rows = map.get("weights");
        int expectedRows = output.length() + (map.get("outputTokens").get(rows.size() - 1).asText().equals("</s>") ? 1 : 0);
        assertEquals(expectedRows, rows.size());
        for (var row : rows) {
            assertEquals(5, row.size());
            double sum = 0;
            for (var w : row) {
                sum += w.asDouble();
            }
            assertEquals(1.0, sum, 1e-5);
        }
        Result none = cli("ab\n", "translate", run.toString(), "--attention-plot", plots.toString(), "--set",
                "decoding.maxLength=2");
        assertEquals(0, none.code(), none.err());
    }

    @Test
    void attentionPlotNeedsAModelWithAttention(@TempDir Path dir) throws Exception {
        assertEquals(0, cli("", "train", config(dir, 1).toString()).code());
        Result r = cli("ab\n", "translate", dir.resolve("run").toString(), "--attention-plot", dir.toString());
        assertEquals(Seq2SeqCli.USAGE, r.code());
        assertTrue(r.err().contains("has no attention"), r.err());
    }

    @Test
    void trainRefusesToOverwriteAndResumeContinues(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, cli("", "train", config(dir, 1).toString()).code());
        Result again = cli("", "train", config(dir, 1).toString());
        assertEquals(Seq2SeqCli.USAGE, again.code());
        assertTrue(again.err().contains("already holds a run"), again.err());
        // raise the epoch budget in the run's own config, then resume: epoch 2 is added to the log
        Path cfg = run.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replaceFirst("\"epochs\" : 1", "\"epochs\" : 2"));
        Result resumed = cli("", "train", "--resume", run.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(List.of(1, 2), MetricsLog.read(run.resolve("metrics.jsonl")).stream()
                .map(EpochMetrics::epoch).toList());
        // a finished run trains for more epochs with --set training.epochs, and only how long it trains may change
        Result other = cli("", "train", "--resume", run.toString(), "--set", "model.hiddenSize=16");
        assertEquals(Seq2SeqCli.USAGE, other.code());
        assertTrue(other.err().contains("model.hiddenSize=16") && other.err().contains("training.epochs"),
                other.err());
        Result longer = cli("", "train", "--resume", run.toString(), "--set", "training.epochs=3");
        assertEquals(0, longer.code(), longer.err());
        assertEquals(List.of(1, 2, 3), MetricsLog.read(run.resolve("metrics.jsonl")).stream()
                .map(EpochMetrics::epoch).toList());
        assertTrue(Files.readString(cfg).contains("\"epochs\" : 3"), "config.json records the new budget");
    }

    @Test
    void configErrorsExitWithUsageAndNameThePath(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, 1);
        Result r = cli("", "validate", cfg.toString(), "--set", "model.cell=rnn");
        assertEquals(Seq2SeqCli.USAGE, r.code());
        assertTrue(r.err().contains("model.cell") && r.err().contains("lstm"), r.err());
        Result ok = cli("", "validate", cfg.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("\"hiddenSize\""), ok.out());
        Result missing = cli("", "evaluate", dir.resolve("nothing").toString());
        assertEquals(Seq2SeqCli.USAGE, missing.code());
        assertTrue(missing.err().contains("not a run directory"), missing.err());
    }
}
