package org.seq2seq4j.experiments.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine and runtime a run executed on, part of its {@link RunManifest}.
 *
 * @param javaVersion         {@code java.version}
 * @param javaVendor          {@code java.vendor}
 * @param os                  {@code os.name} and {@code os.version}
 * @param arch                {@code os.arch}
 * @param availableProcessors processors visible to the JVM
 * @param nd4jBackend         simple class name of the ND4J backend ({@code CpuBackend}, {@code JCublasBackend}),
 *                            or {@value #UNAVAILABLE} with the reason if ND4J could not be initialised
 * @param backendEnvironment  the stable part of ND4J's environment information, those of {@link #BACKEND_KEYS}, and
 *                            the thread limits in force ({@code nd4j.maxThreads}, {@code nd4j.maxMasterThreads})
 *                            the backend reports (BLAS vendor, thread counts, cores), values as strings;
 *                            empty if ND4J could not be initialised
 */
public record RunEnvironment(
        String javaVersion,
        String javaVendor,
        String os,
        String arch,
        int availableProcessors,
        String nd4jBackend,
        Map<String, String> backendEnvironment) {

    /** Keys of {@code Nd4j.getExecutioner().getEnvironmentInformation()} copied into the manifest. */
    public static final List<String> BACKEND_KEYS =
            List.of("backend", "blas.vendor", "blas.threads", "omp.threads", "cores");
    /** Prefix of {@link #nd4jBackend} when the backend could not be loaded. */
    public static final String UNAVAILABLE = "unavailable";

    private static final Logger LOG = LoggerFactory.getLogger(RunEnvironment.class);

    public RunEnvironment {
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(nd4jBackend, "nd4jBackend");
        backendEnvironment = Collections.unmodifiableMap(new TreeMap<>(backendEnvironment));
    }

    /** Describes the running JVM and initialises ND4J (if not done yet) to describe its backend. */
    public static RunEnvironment capture() {
        String backend;
        Map<String, String> environment = new TreeMap<>();
        try {
            backend = Nd4j.getBackend().getClass().getSimpleName();
            Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
            for (String key : BACKEND_KEYS) {
                Object value = info.get(key);
                if (value != null) {
                    environment.put(key, String.valueOf(value));
                }
            }
            // the limits the toolkit applies (the CLI's --threads); "omp.threads" above is OpenMP's own default
            environment.put("nd4j.maxThreads", String.valueOf(Nd4j.getEnvironment().maxThreads()));
            environment.put("nd4j.maxMasterThreads", String.valueOf(Nd4j.getEnvironment().maxMasterThreads()));
        } catch (RuntimeException | LinkageError e) {
            // Provenance must not stop a run: record why the backend is unknown instead.
            LOG.warn("cannot describe the ND4J backend for the run manifest: {}", e.toString());
            backend = UNAVAILABLE + ": " + e;
            environment.clear();
        }
        return new RunEnvironment(
                System.getProperty("java.version", "unknown"),
                System.getProperty("java.vendor", "unknown"),
                System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
                System.getProperty("os.arch", "unknown"),
                Runtime.getRuntime().availableProcessors(),
                backend,
                environment);
    }
}
