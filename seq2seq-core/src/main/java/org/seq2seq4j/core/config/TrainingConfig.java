package org.seq2seq4j.core.config;

/**
 * How a model is trained: what {@code training} in an experiment file holds. Training is teacher-forced: the decoder
 * reads the reference's previous token at every step.
 *
 * @param epochs           maximum number of passes over the training split
 * @param batchSize        examples per optimizer step (and per evaluation batch)
 * @param optimizer        the update rule and its initial learning rate
 * @param schedule         how the learning rate changes between epochs
 * @param clipping         gradient clipping
 * @param normalization    what the batch loss is divided by
 * @param validationMetric the dev measure for the best checkpoint, early stopping and the plateau schedule
 * @param earlyStopping    stopping rule
 * @param phases           settings that change at given optimizer steps, in increasing {@code fromStep} order, the
 *                         first from step 0; empty: one phase with coverage loss weight 1
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        OptimizerConfig optimizer,
        LearningRateSchedule schedule,
        GradientClipping clipping,
        Normalization normalization,
        ValidationMetric validationMetric,
        EarlyStopping earlyStopping,
        java.util.List<TrainingPhase> phases) {

    public TrainingConfig {
        ConfigException.atLeast("epochs", epochs, 1);
        ConfigException.atLeast("batchSize", batchSize, 1);
        phases = phases == null ? java.util.List.of() : java.util.List.copyOf(phases);
        for (int i = 0; i < phases.size(); i++) {
            long from = phases.get(i).fromStep();
            if (i == 0 && from != 0) {
                throw ConfigException.invalid("phases[0].fromStep", from, "must be 0: the first phase starts at step 0");
            }
            if (i > 0 && from <= phases.get(i - 1).fromStep()) {
                throw ConfigException.invalid("phases[" + i + "].fromStep", from, "must be greater than the previous "
                        + "phase's fromStep (" + phases.get(i - 1).fromStep() + ")");
            }
        }
    }

    /** Training without phases. */
    public TrainingConfig(int epochs, int batchSize, OptimizerConfig optimizer, LearningRateSchedule schedule,
                          GradientClipping clipping, Normalization normalization, ValidationMetric validationMetric,
                          EarlyStopping earlyStopping) {
        this(epochs, batchSize, optimizer, schedule, clipping, normalization, validationMetric, earlyStopping,
                java.util.List.of());
    }

    /** The coverage loss weight at optimizer step {@code step} (0-based): the last phase that has begun, or 1. */
    public double coverageLossWeight(long step) {
        double weight = 1.0;
        for (TrainingPhase p : phases) {
            if (p.fromStep() <= step) {
                weight = p.coverageLossWeight();
            }
        }
        return weight;
    }
}
