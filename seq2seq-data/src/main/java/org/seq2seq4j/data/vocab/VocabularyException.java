package org.seq2seq4j.data.vocab;

/**
 * A vocabulary could not be built, read or used as asked: bad build parameters, a token list that does not start
 * with the special tokens, a corrupt vocabulary file, or an id outside the vocabulary. The message names the bad
 * value and, for files, the file.
 */
public class VocabularyException extends RuntimeException {

    /** @param message what went wrong and what the caller can do about it */
    public VocabularyException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what the caller can do about it
     * @param cause   the underlying parse or I/O failure
     */
    public VocabularyException(String message, Throwable cause) {
        super(message, cause);
    }
}
