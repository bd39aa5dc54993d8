package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.io.Json;

import java.util.Arrays;
import java.util.List;

/**
 * One command-line override, {@code --set training.optimizer.learningRate=0.01}: the text after {@code --set} is a
 * dotted path of object keys, {@code =}, and a value. The value is read as a JSON literal if it is one ({@code 0.01},
 * {@code true}, {@code null}, {@code "quoted"}, {@code {"type":"sgd"}}, {@code [1,2]}), else taken as a plain string
 * ({@code gru}), so {@code --set model.cell=gru} needs no quotes.
 *
 * <p>Overrides are applied to the user's tree before defaults are merged, so {@code --set
 * training.optimizer={"type":"sgd"}} gets the defaults of {@code sgd}, and missing objects on the path are created.
 *
 * @param text  the override as given, for messages
 * @param path  the keys from the root to the key that is set, never empty
 * @param value the value set
 */
record ConfigOverride(String text, List<String> path, JsonNode value) {

    /** The pseudo-path under which a malformed override is reported. */
    static final String OPTION = "--set";

    ConfigOverride {
        path = List.copyOf(path);
    }

    /**
     * Reads one override.
     *
     * @throws ConfigException if it has no {@code =} or an empty key on its path
     */
    static ConfigOverride parse(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw malformed(text, "has no '='");
        }
        String dotted = text.substring(0, equals);
        List<String> path = Arrays.asList(dotted.split("\\.", -1));
        if (dotted.isEmpty() || path.stream().anyMatch(String::isEmpty)) {
            throw malformed(text, "has an empty key in its path \"" + dotted + "\"");
        }
        return new ConfigOverride(text, path, value(text.substring(equals + 1)));
    }

    /** Reads overrides in order (a later one wins where two set the same key). */
    static List<ConfigOverride> parseAll(List<String> overrides) {
        return overrides.stream().map(ConfigOverride::parse).toList();
    }

    /** The dotted path of the key set, e.g. {@code model.cell}. */
    String dottedPath() {
        return String.join(".", path);
    }

    /**
     * Sets the value in {@code root}, creating missing objects on the path.
     *
     * @throws ConfigException if a key on the path holds something other than an object
     */
    void applyTo(ObjectNode root) {
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = node.get(path.get(i));
            if (next == null) {
                node = node.putObject(path.get(i));
            } else if (next instanceof ObjectNode object) {
                node = object;
            } else {
                throw new ConfigException(OPTION, text, "cannot be applied: " + String.join(".", path.subList(0, i + 1))
                        + " is " + next + ", not an object", List.of());
            }
        }
        node.set(path.get(path.size() - 1), value.deepCopy());
    }

    private static JsonNode value(String text) {
        try {
            JsonNode parsed = Json.mapper().readTree(text);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(text) : parsed;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static ConfigException malformed(String text, String problem) {
        return new ConfigException(OPTION, text, problem + "; expected path.to.key=value, e.g. model.hiddenSize=256",
                List.of());
    }
}
