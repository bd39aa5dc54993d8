package org.seq2seq4j.data.reader;

/**
 * Two sequence readers could not be read back into {@link org.seq2seq4j.data.pair.SequencePair}s: one ended before
 * the other, or a time step did not hold exactly one token. The message names the example index and the reader side.
 */
public class SequencePairReadException extends RuntimeException {

    /** @param message which example and side failed, and why */
    public SequencePairReadException(String message) {
        super(message);
    }
}
