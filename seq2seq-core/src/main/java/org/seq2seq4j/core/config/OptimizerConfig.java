package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The optimizer: {@code {"type": "adam", ...}} or {@code {"type": "sgd", ...}}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OptimizerConfig.Adam.class, name = "adam"),
        @JsonSubTypes.Type(value = OptimizerConfig.Sgd.class, name = "sgd")})
public sealed interface OptimizerConfig {

    /** Initial learning rate. */
    double learningRate();

    /** Adam (Kingma and Ba 2015) with bias correction. */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerConfig {
        public Adam {
            ConfigException.positive("learningRate", learningRate);
            ConfigException.probability("beta1", beta1);
            ConfigException.probability("beta2", beta2);
            ConfigException.positive("epsilon", epsilon);
        }
    }

    /** Stochastic gradient descent with optional (PyTorch-style) momentum: {@code v = mu v + g; p -= lr v}. */
    record Sgd(double learningRate, double momentum) implements OptimizerConfig {
        public Sgd {
            ConfigException.positive("learningRate", learningRate);
            ConfigException.probability("momentum", momentum);
        }
    }
}
