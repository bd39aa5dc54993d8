package org.seq2seq4j.core.train;

/** The loss became NaN or infinite. */
public final class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
