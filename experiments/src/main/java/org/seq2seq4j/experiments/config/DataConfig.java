package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.text.TokenizerType;
import org.seq2seq4j.data.toy.ToyTask;

/** Where an experiment's examples come from: what {@code data} in an experiment file holds. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = DataConfig.Toy.class, name = "toy")})
public sealed interface DataConfig {

    /** How raw text given to {@code translate} is split into tokens, and how outputs are joined back. */
    TokenizerType tokenizer();

    /**
     * A generated toy task with disjoint train/dev/test splits, deterministic by the experiment's seed.
     *
     * @param task      the task and its parameters
     * @param trainSize training examples
     * @param devSize   validation examples (model selection, early stopping)
     * @param testSize  held-out test examples (final scores, predictions)
     * @param tokenizer how raw input text is tokenized for {@code translate}
     */
    record Toy(ToyTask task, int trainSize, int devSize, int testSize, TokenizerType tokenizer)
            implements DataConfig {
        public Toy {
            ConfigException.atLeast("trainSize", trainSize, 1);
            ConfigException.atLeast("devSize", devSize, 1);
            ConfigException.atLeast("testSize", testSize, 1);
        }
    }
}
