package org.seq2seq4j.experiments.ablation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One combination of axis values.
 *
 * @param index       position in the grid (first axis slowest)
 * @param id          directory name, unique in the grid: {@code attention-dot_bidirectional-true}
 * @param assignments axis path to value, in axis order
 */
public record AblationCell(int index, String id, Map<String, JsonNode> assignments) {

    public AblationCell {
        assignments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }

    /** A value as a table shows it: strings without quotes, anything else as compact JSON. */
    public static String show(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The value of one axis as shown. */
    public String shown(String path) {
        return show(assignments.get(path));
    }

    /** {@code attention=dot, bidirectional=true}, or {@code base} for the single cell of an ablation without axes. */
    public String label() {
        if (assignments.isEmpty()) {
            return "base";
        }
        StringBuilder s = new StringBuilder();
        assignments.forEach((path, value) -> s.append(s.length() == 0 ? "" : ", ")
                .append(path.substring(path.lastIndexOf('.') + 1)).append('=').append(show(value)));
        return s.toString();
    }
}
