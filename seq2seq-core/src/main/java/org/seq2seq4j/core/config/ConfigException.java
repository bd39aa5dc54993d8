package org.seq2seq4j.core.config;

import java.util.List;

/**
 * A configuration value that cannot be used, with where it is, what it is, and what would be accepted. The path is
 * relative to the record that rejected the value (for example {@code hiddenSize}); whoever knows where that record
 * sits in the whole experiment file prefixes it ({@link #at(String)}), so the user sees {@code model.hiddenSize}.
 */
public final class ConfigException extends RuntimeException {

    private final String path;
    private final transient Object value;
    private final String problem;
    private final List<String> validChoices;

    public ConfigException(String path, Object value, String problem, List<String> validChoices) {
        super(format(path, value, problem, validChoices));
        this.path = path;
        this.value = value;
        this.problem = problem;
        this.validChoices = List.copyOf(validChoices);
    }

    /** A value outside its allowed range or form. */
    public static ConfigException invalid(String path, Object value, String problem) {
        return new ConfigException(path, value, problem, List.of());
    }

    /** Checks {@code min <= value}. */
    public static int atLeast(String path, int value, int min) {
        if (value < min) {
            throw invalid(path, value, "must be at least " + min);
        }
        return value;
    }

    /** Checks {@code 0 <= value < 1} (a probability that may not be 1). */
    public static double probability(String path, double value) {
        if (!(value >= 0 && value < 1)) {
            throw invalid(path, value, "must be a probability in [0, 1)");
        }
        return value;
    }

    /** Checks {@code value > 0} and finite. */
    public static double positive(String path, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw invalid(path, value, "must be a positive number");
        }
        return value;
    }

    /** The same problem located under {@code parent} (a JSON path such as {@code model}). */
    public ConfigException at(String parent) {
        String p = parent == null || parent.isEmpty() ? path : path.isEmpty() ? parent : parent + "." + path;
        ConfigException e = new ConfigException(p, value, problem, validChoices);
        e.setStackTrace(getStackTrace());
        return e;
    }

    public String path() {
        return path;
    }

    public Object value() {
        return value;
    }

    public String problem() {
        return problem;
    }

    public List<String> validChoices() {
        return validChoices;
    }

    private static String format(String path, Object value, String problem, List<String> choices) {
        StringBuilder s = new StringBuilder();
        s.append(path.isEmpty() ? "(root)" : path).append(": ");
        if (value != null) {
            s.append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value)).append(" ");
        }
        s.append(problem);
        if (!choices.isEmpty()) {
            s.append(" (valid choices: ").append(String.join(", ", choices)).append(")");
        }
        return s.toString();
    }
}
