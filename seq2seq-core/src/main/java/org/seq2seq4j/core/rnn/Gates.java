package org.seq2seq4j.core.rnn;

/** The squashing functions of the gates, for the cells' fused loops (in double precision). */
final class Gates {

    private Gates() {
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** {@code tanh} through one {@link Math#exp}, which the JIT compiles to an intrinsic ({@link Math#tanh} is not). */
    static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }
}
