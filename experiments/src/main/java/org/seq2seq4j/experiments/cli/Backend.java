package org.seq2seq4j.experiments.cli;

/** The {@code --threads} option of every command that computes, and the backend check behind it. */
final class Backend {

    private Backend() {
    }

    /** The {@code --threads} option. */
    static final class Options {
        @picocli.CommandLine.Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                description = "CPU threads for ND4J and BLAS (default: ${DEFAULT-VALUE}; one is fastest for small models "
                        + "on few cores).")
        int threads;

        /** Loads the backend with {@link #threads} ({@link org.seq2seq4j.core.runtime.Backend#require}). */
        String require() {
            return org.seq2seq4j.core.runtime.Backend.require(threads);
        }
    }
}
