package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How the learning rate changes between epochs. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LearningRateSchedule.Constant.class, name = "constant"),
        @JsonSubTypes.Type(value = LearningRateSchedule.Exponential.class, name = "exponential"),
        @JsonSubTypes.Type(value = LearningRateSchedule.Step.class, name = "step"),
        @JsonSubTypes.Type(value = LearningRateSchedule.Plateau.class, name = "plateau")})
public sealed interface LearningRateSchedule {

    /**
     * The learning rate for the epoch after {@code epoch}.
     *
     * @param lr            the rate used in {@code epoch}
     * @param epoch         the epoch just completed (1-based)
     * @param plateauEpochs epochs since the validation metric last improved or the rate was last reduced
     */
    double next(double lr, int epoch, int plateauEpochs);

    /** The learning rate never changes. */
    record Constant() implements LearningRateSchedule {
        @Override
        public double next(double lr, int epoch, int plateauEpochs) {
            return lr;
        }
    }

    /** Multiplied by {@code gamma} after every epoch. */
    record Exponential(double gamma) implements LearningRateSchedule {
        public Exponential {
            if (!(gamma > 0 && gamma <= 1)) {
                throw ConfigException.invalid("gamma", gamma, "must be in (0, 1]");
            }
        }

        @Override
        public double next(double lr, int epoch, int plateauEpochs) {
            return lr * gamma;
        }
    }

    /** Multiplied by {@code gamma} after every {@code everyEpochs} epochs. */
    record Step(int everyEpochs, double gamma) implements LearningRateSchedule {
        public Step {
            ConfigException.atLeast("everyEpochs", everyEpochs, 1);
            if (!(gamma > 0 && gamma <= 1)) {
                throw ConfigException.invalid("gamma", gamma, "must be in (0, 1]");
            }
        }

        @Override
        public double next(double lr, int epoch, int plateauEpochs) {
            return epoch % everyEpochs == 0 ? lr * gamma : lr;
        }
    }

    /**
     * Multiplied by {@code factor} when the validation metric has not improved for {@code patience} epochs
     * (Joey NMT's and PyTorch's ReduceLROnPlateau), never below {@code minLearningRate}.
     */
    record Plateau(double factor, int patience, double minLearningRate) implements LearningRateSchedule {
        public Plateau {
            if (!(factor > 0 && factor < 1)) {
                throw ConfigException.invalid("factor", factor, "must be in (0, 1)");
            }
            ConfigException.atLeast("patience", patience, 1);
            if (!(minLearningRate >= 0)) {
                throw ConfigException.invalid("minLearningRate", minLearningRate, "must be at least 0");
            }
        }

        @Override
        public double next(double lr, int epoch, int plateauEpochs) {
            return plateauEpochs >= patience ? Math.max(minLearningRate, lr * factor) : lr;
        }
    }
}
