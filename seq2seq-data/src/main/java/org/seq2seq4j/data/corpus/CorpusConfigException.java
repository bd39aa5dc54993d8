package org.seq2seq4j.data.corpus;

/**
 * A {@link CorpusFormat} parameter is missing or invalid. Carries the parameter's JSON name and the rejected value;
 * the message states the valid values, e.g. {@code sourceColumn must be at least 0, got -1}.
 */
public class CorpusConfigException extends RuntimeException {

    private final String field;
    private final transient Object value;

    /**
     * @param field   the record component / JSON key that is invalid
     * @param value   the rejected value, possibly {@code null}
     * @param message the valid values and the rejected value
     */
    public CorpusConfigException(String field, Object value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** @return the record component / JSON key that is invalid, e.g. {@code "sourceColumn"} */
    public String field() {
        return field;
    }

    /** @return the rejected value, possibly {@code null} */
    public Object value() {
        return value;
    }

    static <T> T requireNonNull(String field, T value, String expected) {
        if (value == null) {
            throw new CorpusConfigException(field, null, field + " must be " + expected + ", got null");
        }
        return value;
    }

    static BadInputPolicy requirePolicy(BadInputPolicy policy) {
        return requireNonNull("onBadInput", policy, "one of [error, skip]");
    }
}
