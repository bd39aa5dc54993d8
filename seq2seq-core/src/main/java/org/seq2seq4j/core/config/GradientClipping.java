package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Gradient clipping, applied to the normalised gradient of the whole model before the optimizer step. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = GradientClipping.None.class, name = "none"),
        @JsonSubTypes.Type(value = GradientClipping.Norm.class, name = "norm"),
        @JsonSubTypes.Type(value = GradientClipping.Value.class, name = "value")})
public sealed interface GradientClipping {

    /** Clips {@code gradient} in place. */
    void apply(org.nd4j.linalg.api.ndarray.INDArray gradient);

    /** No clipping. */
    record None() implements GradientClipping {
        @Override
        public void apply(org.nd4j.linalg.api.ndarray.INDArray gradient) {
            // nothing to do
        }
    }

    /** Rescale the whole gradient when its global L2 norm exceeds {@code maxNorm} (PyTorch's clip_grad_norm_). */
    record Norm(double maxNorm) implements GradientClipping {
        public Norm {
            ConfigException.positive("maxNorm", maxNorm);
        }

        @Override
        public void apply(org.nd4j.linalg.api.ndarray.INDArray gradient) {
            double norm = gradient.norm2Number().doubleValue();
            if (norm > maxNorm) {
                gradient.muli(maxNorm / norm);
            }
        }
    }

    /** Clip every gradient element to {@code [-maxValue, maxValue]}. */
    record Value(double maxValue) implements GradientClipping {
        public Value {
            ConfigException.positive("maxValue", maxValue);
        }

        @Override
        public void apply(org.nd4j.linalg.api.ndarray.INDArray gradient) {
            org.nd4j.linalg.ops.transforms.Transforms.max(gradient, -maxValue, false);
            org.nd4j.linalg.ops.transforms.Transforms.min(gradient, maxValue, false);
        }
    }
}
