package org.seq2seq4j.data.pair;

/**
 * A {@link LengthFilter} or {@link CorpusSplit} parameter is out of range, or a split cannot be made from the given
 * pairs. Carries the parameter's JSON name and the rejected value; the message states the valid range.
 */
public class DatasetConfigException extends RuntimeException {

    private final String field;
    private final transient Object value;

    /**
     * @param field   the record component / JSON key that is invalid
     * @param value   the rejected value
     * @param message the valid range and the rejected value
     */
    public DatasetConfigException(String field, Object value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** @return the record component / JSON key that is invalid, e.g. {@code "maxSourceLength"} */
    public String field() {
        return field;
    }

    /** @return the rejected value */
    public Object value() {
        return value;
    }

    static void requireAtLeast(String field, long value, long min) {
        if (value < min) {
            throw new DatasetConfigException(field, value, field + " must be at least " + min + ", got " + value);
        }
    }
}
