package org.seq2seq4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.runtime.Backend;

class BenchmarkReportTest {

    private static final String CPU_RESULTS = """
            [{"benchmark": "org.seq2seq4j.bench.TrainingStepBenchmark.trainingStep", "mode": "thrpt",
              "params": {"attention": "none", "batch": "64"},
              "primaryMetric": {"score": 0.4213, "scoreError": 0.0211, "scoreUnit": "ops/s"},
              "secondaryMetrics": {"targetTokens": {"score": 539.3, "scoreError": 27.0, "scoreUnit": "ops/s"}}},
             {"benchmark": "org.seq2seq4j.bench.EncoderBenchmark.encode", "mode": "avgt",
              "params": {"attention": "none", "batch": "64"},
              "primaryMetric": {"score": 12.25, "scoreError": 0.5, "scoreUnit": "ms/op"}, "secondaryMetrics": {}}]
            """;
    private static final String GPU_RESULTS = """
            [{"benchmark": "org.seq2seq4j.bench.TrainingStepBenchmark.trainingStep", "mode": "thrpt",
              "params": {"attention": "none", "batch": "64"},
              "primaryMetric": {"score": 8.5, "scoreError": 0.1, "scoreUnit": "ops/s"},
              "secondaryMetrics": {"targetTokens": {"score": 10880, "scoreError": 128, "scoreUnit": "ops/s"}}}]
            """;

    private static Path run(Path root, String label, String results, boolean withEnvironment) throws IOException {
        Path dir = Files.createDirectories(root.resolve(label));
        Files.writeString(dir.resolve(BenchmarkReport.RESULTS), results);
        if (withEnvironment) {
            Json.mapper().writeValue(dir.resolve(BenchmarkReport.ENVIRONMENT).toFile(),
                    BenchmarkEnvironment.capture(Backend.require(1), 1));
        }
        return dir;
    }

    @Test
    void putsRunsSideBySideWithTheirEnvironmentAndCounters(@TempDir Path root) throws IOException {
        var cpu = BenchmarkReport.Run.read(run(root, "cpu", CPU_RESULTS, true));
        var gpu = BenchmarkReport.Run.read(run(root, "cuda", GPU_RESULTS, false));
        String md = BenchmarkReport.markdown(List.of(cpu, gpu));

        assertTrue(md.contains("| benchmark | parameters | cpu | cuda |"), md);
        assertTrue(md.contains("| `TrainingStepBenchmark.trainingStep` | attention=none, batch=64 | 0.421 ± 0.0211 ops/s"
                + "<br>targetTokens: 539 ± 27.0 ops/s | 8.50 ± 0.100 ops/s<br>targetTokens: 10,880 ± 128 ops/s |"), md);
        assertTrue(md.contains("| `EncoderBenchmark.encode` | attention=none, batch=64 | 12.3 ± 0.500 ms/op | – |"), md);
        assertTrue(md.contains("- **cpu**: ") && md.contains("CpuBackend") && md.contains("1 thread(s)"), md);
        assertTrue(md.contains("- **cuda**: environment not recorded"), md);
    }

    @Test
    void aDirectoryWithoutResultsIsNamedInTheError(@TempDir Path root) {
        IOException e = assertThrows(IOException.class, () -> BenchmarkReport.Run.read(root));
        assertTrue(e.getMessage().contains(root.toString()) && e.getMessage().contains("results.json"),
                e.getMessage());
    }

    @Test
    void formatsThreeSignificantDigits() {
        assertEquals("0.421", BenchmarkReport.format(0.42133));
        assertEquals("12.3", BenchmarkReport.format(12.25));
        assertEquals("539", BenchmarkReport.format(539.3));
        assertEquals("10,880", BenchmarkReport.format(10880.2));
    }
}
