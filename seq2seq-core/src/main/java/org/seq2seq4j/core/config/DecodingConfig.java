package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How outputs are produced at evaluation and translation time: what {@code decoding} in an experiment file holds.
 *
 * @param strategy  the search
 * @param maxLength maximum number of output tokens (not counting end-of-sequence)
 * @param batchSize sentences decoded together
 */
public record DecodingConfig(Strategy strategy, int maxLength, int batchSize) {

    public DecodingConfig {
        ConfigException.atLeast("maxLength", maxLength, 1);
        ConfigException.atLeast("batchSize", batchSize, 1);
    }

    /** The search strategy. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Greedy.class, name = "greedy")})
    public sealed interface Strategy {
    }

    /** The most probable token at every step, carrying the decoder state. */
    public record Greedy() implements Strategy {
    }
}
