package org.seq2seq4j.core.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The OpenMP wait policy of ND4J's native library. By default (GNU OpenMP, {@code ACTIVE} for a while) an idle
 * OpenMP worker spins between parallel regions. A training step of a recurrent model runs thousands of small
 * operations from the Java thread, so on a machine with few cores the spinning workers take the cores from the thread
 * that issues the work: on 2 cores the reference training step took 0.97–1.03 s with the default and 0.58–0.61 s with
 * {@code OMP_WAIT_POLICY=PASSIVE} (MemoryProbe, 2 threads; {@code docs/benchmarks.md}).
 *
 * <p>OpenMP reads the variable once, when its library loads, and Java cannot change its own environment; so {@link
 * #preferPassiveWait} sets it in the process's C environment through {@code setenv}, which works only before ND4J's
 * backend has loaded. {@link Backend#require} calls it first. A value the user has set is left alone.
 */
public final class OpenMp {

    /** The environment variable. */
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    private OpenMp() {
    }

    /** The C library's environment functions. */
    interface C extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /**
     * Sets {@value #WAIT_POLICY} to {@code PASSIVE} unless it is set already (on Linux and macOS; elsewhere nothing
     * changes).
     *
     * @return the policy OpenMP will see: the user's value, {@code PASSIVE}, or null when it stays OpenMP's default
     */
    public static String preferPassiveWait() {
        String own = System.getenv(WAIT_POLICY);
        if (own != null) {
            return own;
        }
        if (!Platform.isLinux() && !Platform.isMac()) {
            return null;
        }
        C c = c();
        c.setenv(WAIT_POLICY, "PASSIVE", 0);
        return c.getenv(WAIT_POLICY);
    }

    /** The value of {@value #WAIT_POLICY} in the process's C environment (where OpenMP reads it), or null. */
    public static String waitPolicy() {
        return Platform.isLinux() || Platform.isMac() ? c().getenv(WAIT_POLICY) : System.getenv(WAIT_POLICY);
    }

    private static C c() {
        return Libc.INSTANCE;
    }

    /** The C library, loaded on first use. */
    private static final class Libc {
        static final C INSTANCE = (C) Native.loadLibrary("c", C.class);
    }
}
