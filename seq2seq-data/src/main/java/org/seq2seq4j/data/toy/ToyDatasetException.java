package org.seq2seq4j.data.toy;

/**
 * A toy dataset cannot be generated as requested: a negative split size, or more examples than the task has
 * distinct sources to draw from. The message names the task, the requested sizes and what is available.
 */
public class ToyDatasetException extends RuntimeException {

    /** @param message what was requested, what is possible, and how to fix the request */
    public ToyDatasetException(String message) {
        super(message);
    }
}
