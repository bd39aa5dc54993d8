package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.batch.BatchOrderException;
import org.seq2seq4j.data.corpus.CorpusConfigException;
import org.seq2seq4j.data.pair.DatasetConfigException;
import org.seq2seq4j.data.toy.TaskConfigException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure to bind a resolved experiment tree to {@link ExperimentConfig} into a {@link ConfigException} at the
 * offending JSON path ({@code training.optimizer.learningRate}), with the offending value read from the tree and the
 * valid choices where they are a closed set: the keys of the object, the names of an enum, the types of a family.
 * A record's own validation failure ({@link ConfigException}, or the data module's {@link TaskConfigException},
 * {@link CorpusConfigException}, {@link DatasetConfigException} and {@link BatchOrderException}) is moved to where
 * the record sits in the file.
 */
final class BindingErrors {

    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final Pattern NULL = Pattern.compile("Null value for creator property '([^']+)'");

    private BindingErrors() {
    }

    /**
     * @param e    what Jackson threw while binding {@code tree}
     * @param tree the tree that was bound, to read offending values from
     */
    static ConfigException translate(JsonMappingException e, JsonNode tree) {
        List<Object> path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownKey(u, path);
        }
        if (e instanceof InvalidTypeIdException t) {
            return unknownType(t, path, tree);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigException c) {
            return c.at(dotted(path));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof TaskConfigException t) {
            return recordProblem(t.field(), t.value(), t.getMessage(), dotted(path));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof CorpusConfigException c) {
            return recordProblem(c.field(), c.value(), c.getMessage(), dotted(path));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof DatasetConfigException d) {
            return recordProblem(d.field(), d.value(), d.getMessage(), dotted(path));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof BatchOrderException b) {
            String field = b.getMessage().split(" ", 2)[0];
            List<Object> fieldPath = new ArrayList<>(path);
            fieldPath.add(field);
            return recordProblem(field, valueAt(tree, fieldPath), b.getMessage(), dotted(path));
        }
        if (e instanceof MismatchedInputException m) {
            Optional<ConfigException> absent = absent(m, path);
            if (absent.isPresent()) {
                return absent.get();
            }
            if (m.getTargetType() != null || e instanceof InvalidFormatException) {
                return wrongValue(m.getTargetType(), path, tree, m.getOriginalMessage());
            }
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException) {
            Optional<List<Object>> nullEntry = nullEntry(nodeAt(tree, path), path);
            if (nullEntry.isPresent()) {
                return new ConfigException(dotted(nullEntry.get()), null, "is null; a list may not hold null",
                        List.of());
            }
        }
        if (e.getCause() instanceof InputCoercionException c && c.getTargetType() != null) {
            return wrongValue(c.getTargetType(), path, tree, c.getOriginalMessage());
        }
        Throwable cause = e.getCause() != null && !(e.getCause() instanceof JsonMappingException) ? e.getCause() : e;
        String message = cause instanceof JsonMappingException j ? j.getOriginalMessage() : cause.getMessage();
        return new ConfigException(dotted(path), valueAt(tree, path), "cannot be read: " + firstLine(message),
                List.of());
    }

    /** The dotted form of a JSON path: object keys joined by dots, array indices as {@code [i]}. */
    static String dotted(List<Object> path) {
        StringBuilder s = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                s.append('[').append(index).append(']');
            } else {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(segment);
            }
        }
        return s.toString();
    }

    private static ConfigException unknownKey(UnrecognizedPropertyException e, List<Object> path) {
        Class<?> owner = e.getReferringClass();
        List<String> valid = owner == null ? List.of() : JsonNames.recordKeys(owner);
        if (valid.isEmpty() && e.getKnownPropertyIds() != null) {
            valid = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        }
        String problem = owner == null ? "is an unknown key" : JsonNames.typeName(owner)
                .map(type -> "is an unknown key for type \"" + type + "\"")
                .orElse("is an unknown key");
        return new ConfigException(dotted(path), null, problem, valid);
    }

    private static ConfigException unknownType(InvalidTypeIdException e, List<Object> path, JsonNode tree) {
        Class<?> family = e.getBaseType() == null ? null : e.getBaseType().getRawClass();
        List<String> valid = family == null ? List.of() : JsonNames.subtypeNames(family);
        JsonNode node = nodeAt(tree, path);
        if (node != null && !node.isObject()) {
            return new ConfigException(dotted(path), value(node), "must be an object with a \"type\"", valid);
        }
        List<Object> typePath = new ArrayList<>(path);
        typePath.add(JsonNames.TYPE_KEY);
        JsonNode type = nodeAt(tree, typePath);
        if (type == null) {
            return new ConfigException(dotted(typePath), null, "is required", valid);
        }
        if (!type.isTextual()) {
            return new ConfigException(dotted(typePath), value(type), "must be a string naming the type", valid);
        }
        return new ConfigException(dotted(typePath), type.asText(), "is not a known type", valid);
    }

    /**
     * A parameter rejected by a record of the data module (a task, a corpus format, a length filter), e.g.
     * {@code minDigits must be between 1 and 9, got 0}: the message without the leading field name and the trailing
     * value, at the field's path.
     */
    private static ConfigException recordProblem(String field, Object value, String message, String recordPath) {
        String problem = message;
        if (problem.startsWith(field + " ")) {
            problem = problem.substring(field.length() + 1);
        }
        String got = ", got " + value;
        if (problem.endsWith(got)) {
            problem = problem.substring(0, problem.length() - got.length());
        }
        return new ConfigException(field, value, problem, List.of()).at(recordPath);
    }

    /** A key that is missing or null, which no default fills (such as {@code name} or {@code data.task}). */
    private static Optional<ConfigException> absent(MismatchedInputException e, List<Object> path) {
        String message = e.getOriginalMessage();
        Matcher missing = MISSING.matcher(message);
        Matcher isNull = NULL.matcher(message);
        boolean isMissing = missing.find();
        if (!isMissing && !isNull.find()) {
            return Optional.empty();
        }
        String key = isMissing ? missing.group(1) : isNull.group(1);
        List<Object> keyPath = new ArrayList<>(path);
        if (keyPath.isEmpty() || !key.equals(keyPath.get(keyPath.size() - 1))) {
            keyPath.add(key);
        }
        Class<?> type = e.getTargetType();
        String expected = type == null ? "" : "; expected " + expectation(type);
        String problem = (isMissing ? "is required" : "is null") + expected;
        List<String> valid = type == null ? List.of() : choices(type);
        return Optional.of(new ConfigException(dotted(keyPath), null, problem, valid));
    }

    /** A value of the wrong JSON type, or a string that is not one of an enum's names. */
    private static ConfigException wrongValue(Class<?> target, List<Object> path, JsonNode tree, String message) {
        JsonNode node = nodeAt(tree, path);
        Object value = node == null ? null : value(node);
        if (target == null) {
            return new ConfigException(dotted(path), value, "cannot be read: " + firstLine(message), List.of());
        }
        if (node != null && node.isNull()) {
            return new ConfigException(dotted(path), null, "is null; expected " + expectation(target), choices(target));
        }
        if (target.isEnum() && node != null && node.isTextual()) {
            return new ConfigException(dotted(path), value, "is not a valid value", choices(target));
        }
        if (isInteger(target) && node != null && node.isIntegralNumber()) {
            return new ConfigException(dotted(path), value, "is out of range for " + expectation(target), List.of());
        }
        return new ConfigException(dotted(path), value, "must be " + expectation(target), choices(target));
    }

    private static List<String> choices(Class<?> type) {
        if (type.isEnum()) {
            return JsonNames.enumNames(type);
        }
        return JsonNames.isFamily(type) ? JsonNames.subtypeNames(type) : List.of();
    }

    private static String expectation(Class<?> type) {
        if (isInteger(type)) {
            return type == long.class || type == Long.class ? "an integer (64-bit)" : "an integer (32-bit)";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.nio.file.Path.class) {
            return "a file path (a string)";
        }
        if (type.isEnum()) {
            return "one of the names listed";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (JsonNames.isFamily(type)) {
            return "an object with a \"type\"";
        }
        return "an object";
    }

    private static boolean isInteger(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    private static List<Object> path(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.add(reference.getIndex());
            }
        }
        return path;
    }

    /** The path of the first {@code null} entry of an array in {@code node} (at {@code path}), depth first. */
    private static Optional<List<Object>> nullEntry(JsonNode node, List<Object> path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> entry = new ArrayList<>(path);
                entry.add(i);
                if (node.get(i).isNull()) {
                    return Optional.of(entry);
                }
                Optional<List<Object>> inner = nullEntry(node.get(i), entry);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<Object> child = new ArrayList<>(path);
            child.add(field.getKey());
            Optional<List<Object>> inner = nullEntry(field.getValue(), child);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    private static JsonNode nodeAt(JsonNode tree, List<Object> path) {
        JsonNode node = tree;
        for (Object segment : path) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }

    private static Object valueAt(JsonNode tree, List<Object> path) {
        JsonNode node = nodeAt(tree, path);
        return node == null ? null : value(node);
    }

    /** A JSON value as a {@link ConfigException} shows it: strings quoted, everything else as JSON. */
    private static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.numberValue() : node.isBoolean() ? (Object) node.booleanValue() : node;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
