package org.seq2seq4j.experiments.run;

/** A run directory that is missing, incomplete, or would be overwritten. */
public final class RunDirectoryException extends RuntimeException {

    public RunDirectoryException(String message) {
        super(message);
    }
}
