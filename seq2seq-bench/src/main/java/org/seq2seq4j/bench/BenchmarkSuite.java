package org.seq2seq4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.runtime.Backend;

/**
 * The benchmark jar's entry point: checks that the ND4J backend starts (a CUDA build without a device stops here with
 * one message), runs the JMH benchmarks selected by the JMH options given (all by default), and writes
 * {@code results.json} (JMH), {@code environment.json} and {@code summary.md} ({@link BenchmarkReport}) into the output
 * directory.
 *
 * <pre>
 *   java -jar seq2seq-bench/target/benchmarks.jar [--out DIR] [--threads N] [JMH options, e.g. TrainingStep -p batch=32]
 * </pre>
 *
 * {@code --threads} (default 1, the toolkit's default) is applied in every forked benchmark JVM through the
 * {@value #THREADS_PROPERTY} system property.
 */
public final class BenchmarkSuite {

    /** The system property through which forked benchmark JVMs receive the thread limit. */
    static final String THREADS_PROPERTY = "seq2seq4j.threads";

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        Path out = Path.of("bench-results", LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss", Locale.ROOT)));
        int threads = 1;
        List<String> jmh = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                default -> jmh.add(args[i]);
            }
        }
        String backend;
        try {
            backend = Backend.require(threads);
        } catch (Backend.BackendUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(jmh.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(out);
        BenchmarkEnvironment env = BenchmarkEnvironment.capture(backend, threads);
        AtomicFiles.write(out.resolve(BenchmarkReport.ENVIRONMENT), o -> Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValue(o, env));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                .jvmArgsAppend("-D" + THREADS_PROPERTY + "=" + threads, "-Xmx2g")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(BenchmarkReport.RESULTS).toString());
        new Runner(options.build()).run();
        String summary = BenchmarkReport.markdown(List.of(BenchmarkReport.Run.read(out)));
        Files.writeString(out.resolve("summary.md"), summary);
        System.out.println();
        System.out.print(summary);
        System.out.println("\nwritten to " + out.toAbsolutePath());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("error: " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** The thread limit of this (forked) benchmark JVM. */
    static int threads() {
        return Integer.getInteger(THREADS_PROPERTY, 1);
    }
}
