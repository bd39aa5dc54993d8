package org.seq2seq4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.runtime.OpenMp;

/**
 * Where a benchmark run was measured: the machine, the JDK, the ND4J backend and the thread limits. Stored beside the
 * JMH results ({@code environment.json}) and printed at the top of the summary, because numbers from these machines
 * mean nothing without them.
 *
 * @param cpu      the CPU model ({@code /proc/cpuinfo}), or "unknown"
 * @param cores    available processors
 * @param os       operating system and version
 * @param jdk      Java version and vendor
 * @param backend  the ND4J backend class, with the BLAS vendor for the CPU backend
 * @param threads  the thread limit the toolkit applied (ND4J and BLAS)
 * @param ompEnv   {@code OMP_NUM_THREADS}, or "unset"
 * @param started  when the run started
 * @param waitPolicy OpenMP's {@code OMP_WAIT_POLICY} as the native library sees it, or "default" (null in
 *                   environments written before it was recorded)
 */
public record BenchmarkEnvironment(String cpu, int cores, String os, String jdk, String backend, int threads,
                                   String ompEnv, String started, String waitPolicy) {

    /** The environment of this JVM (the backend must be loaded). */
    public static BenchmarkEnvironment capture(String backendName, int threads) {
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        Object blas = info.get("blas.vendor");
        return new BenchmarkEnvironment(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                backendName + (blas == null ? "" : ", BLAS " + blas), threads,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), Instant.now().toString(),
                Objects.requireNonNullElse(OpenMp.waitPolicy(), "default"));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the summary says so
        }
        return "unknown";
    }
}
