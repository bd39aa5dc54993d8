package org.seq2seq4j.core.model;

/** A saved model that this version cannot read. */
public final class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message) {
        super(message);
    }
}
