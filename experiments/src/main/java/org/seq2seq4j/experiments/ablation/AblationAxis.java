package org.seq2seq4j.experiments.ablation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One dimension of an ablation grid: a config key and the values it takes.
 *
 * @param path   dotted experiment-config path, {@code model.attention}
 * @param values the values, as JSON, in the order the table lists them
 */
public record AblationAxis(String path, List<JsonNode> values) {

    public AblationAxis {
        values = List.copyOf(values);
    }

    /** The last key of the path, {@code attention} for {@code model.attention}. */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
