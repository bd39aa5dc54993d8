package org.seq2seq4j.data.toy;

/**
 * A {@link ToyTask} parameter is outside its valid range. Carries the parameter's JSON name and the rejected value
 * so that a config loader can point at the offending key; the message states the valid range, e.g.
 * {@code minDigits must be between 1 and 9, got 0}.
 */
public class TaskConfigException extends RuntimeException {

    private final String field;
    private final transient Object value;

    /**
     * @param field   the record component / JSON key that is invalid
     * @param value   the rejected value, possibly {@code null}
     * @param message the valid range and the rejected value
     */
    public TaskConfigException(String field, Object value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** @return the record component / JSON key that is invalid, e.g. {@code "minDigits"} */
    public String field() {
        return field;
    }

    /** @return the rejected value, possibly {@code null} */
    public Object value() {
        return value;
    }

    /**
     * @return {@code value} if it lies in {@code [min, max]}
     * @throws TaskConfigException otherwise, with message {@code "<field> must be between <min> and <max>, got <value>"}
     */
    static int requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new TaskConfigException(field, value,
                    field + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /**
     * Checks the upper end of a range against its lower end.
     *
     * @return {@code value} if it lies in {@code [lowerEnd, max]}
     * @throws TaskConfigException otherwise, with message
     *                             {@code "<field> must be between <lowerEndField> (<lowerEnd>) and <max>, got <value>"}
     */
    static int requireBetween(String field, int value, String lowerEndField, int lowerEnd, int max) {
        if (value < lowerEnd || value > max) {
            throw new TaskConfigException(field, value, field + " must be between " + lowerEndField + " ("
                    + lowerEnd + ") and " + max + ", got " + value);
        }
        return value;
    }

    /**
     * Checks a value against another field's value that bounds it from above.
     *
     * @param condition when the bound applies, e.g. {@code "when distinctSymbols is true"}
     * @return {@code value} if it is at most {@code upperEnd}
     * @throws TaskConfigException otherwise, with message
     *                             {@code "<field> must be at most <upperEndField> (<upperEnd>) <condition>, got <value>"}
     */
    static int requireAtMost(String field, int value, String upperEndField, int upperEnd, String condition) {
        if (value > upperEnd) {
            throw new TaskConfigException(field, value, field + " must be at most " + upperEndField + " (" + upperEnd
                    + ") " + condition + ", got " + value);
        }
        return value;
    }

    /**
     * @return {@code value} if it is not {@code null}
     * @throws TaskConfigException otherwise, naming the valid choices
     */
    static <T> T requireChoice(String field, T value, String validChoices) {
        if (value == null) {
            throw new TaskConfigException(field, null, field + " must be one of " + validChoices + ", got null");
        }
        return value;
    }
}
