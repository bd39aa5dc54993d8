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
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        OptimizerConfig optimizer,
        LearningRateSchedule schedule,
        GradientClipping clipping,
        Normalization normalization,
        ValidationMetric validationMetric,
        EarlyStopping earlyStopping) {

    public TrainingConfig {
        ConfigException.atLeast("epochs", epochs, 1);
        ConfigException.atLeast("batchSize", batchSize, 1);
    }
}
