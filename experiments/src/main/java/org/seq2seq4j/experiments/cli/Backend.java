package org.seq2seq4j.experiments.cli;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads the ND4J backend up front so that a backend that cannot start (the CUDA build without a usable NVIDIA GPU,
 * driver or CUDA 11.6 runtime; a CPU build on an unsupported platform) ends the command with one clear message
 * instead of a native stack trace in the middle of a run.
 */
final class Backend {

    private Backend() {
    }

    /** The loaded backend's name, for example {@code CpuBackend} or {@code CudaBackend}. */
    static String require() {
        try {
            return Nd4j.getBackend().getClass().getSimpleName();
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new BackendUnavailableException("the ND4J backend could not be started (" + root.getClass()
                    .getSimpleName() + ": " + root.getMessage() + "). A jar built with -Pcuda needs an NVIDIA GPU "
                    + "with a driver for CUDA 11.6 and the CUDA 11.6/cuDNN 8.3 libraries; without one, build the CPU "
                    + "version: mvn -B -q package -DskipTests", t);
        }
    }

    /** The backend cannot start on this machine. */
    static final class BackendUnavailableException extends RuntimeException {
        BackendUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
