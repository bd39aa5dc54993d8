package org.seq2seq4j.core.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads the ND4J backend up front so that a backend that cannot start (the CUDA build without a usable NVIDIA GPU,
 * driver or CUDA 11.6 runtime; a CPU build on an unsupported platform) ends the command with one clear message
 * instead of a native stack trace in the middle of a run. Used by the command line and the benchmarks.
 */
public final class Backend {

    private static final Pattern SKIPPED = Pattern.compile("Skipped \\[(\\w+)] backend \\(unavailable\\): ([^\\n]*)");

    private Backend() {
    }

    /**
     * Loads the backend and limits its CPU threads (ND4J's own and the BLAS library's) to {@code threads}, with
     * OpenMP's passive wait policy unless the user has set one ({@link OpenMp}).
     * On 2 cores, one thread trained the addition model about twice as fast as ND4J's default of one per core: the
     * operations of a small recurrent model are too small to pay for thread synchronisation.
     *
     * @return the loaded backend's name, for example {@code CpuBackend} or {@code CudaBackend}
     * @throws BackendUnavailableException when the backend cannot start, with what it needs
     */
    public static String require(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        OpenMp.preferPassiveWait();
        // ND4J prints the native loading failure of every backend it skips (a stack trace for CUDA without a driver)
        // on standard error while it starts: hold that back, and on failure report the reasons in one message
        PrintStream stderr = System.err;
        ByteArrayOutputStream startup = new ByteArrayOutputStream();
        boolean started = false;
        System.setErr(new PrintStream(startup, true, StandardCharsets.UTF_8));
        try {
            String name = Nd4j.getBackend().getClass().getSimpleName();
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
            started = true;
            return name;
        } catch (Throwable t) {
            throw unavailable(t, skippedBackends(startup.toString(StandardCharsets.UTF_8)));
        } finally {
            System.setErr(stderr);
            if (started) {
                stderr.print(startup.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** ND4J's "Skipped [JCublasBackend] backend (unavailable): ..." lines, reduced to backend and reason. */
    static List<String> skippedBackends(String startupOutput) {
        List<String> out = new ArrayList<>();
        Matcher m = SKIPPED.matcher(startupOutput);
        while (m.find()) {
            out.add(m.group(1) + ": " + m.group(2).trim());
        }
        return out;
    }

    /** The message for a backend that failed to start with {@code t}, after ND4J skipped {@code skipped}. */
    static BackendUnavailableException unavailable(Throwable t, List<String> skipped) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = skipped.isEmpty() ? root.getClass().getSimpleName() + ": " + root.getMessage()
                : String.join("; ", skipped);
        return new BackendUnavailableException("the ND4J backend could not be started (" + why + "). A jar built "
                + "with -Pcuda needs an NVIDIA GPU with a driver for CUDA 11.6 and the CUDA 11.6/cuDNN 8.3 libraries (or "
                + "org.bytedeco:cuda-platform-redist:11.6-8.3-1.5.7 on the class path); without one, build the CPU "
                + "version: mvn -B -q package -DskipTests", t);
    }

    /** The backend cannot start on this machine. */
    public static final class BackendUnavailableException extends RuntimeException {
        BackendUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
