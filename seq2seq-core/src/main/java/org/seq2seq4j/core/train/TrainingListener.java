package org.seq2seq4j.core.train;

/** Receives training progress. Both methods run on the training thread; keep them quick. */
public interface TrainingListener {

    /** Progress after an optimizer step. */
    record StepProgress(int epoch, int epochs, int batch, int batches, long step, double loss,
                        double targetTokensPerSecond, double etaSeconds) {
    }

    /** After every step. */
    default void onStep(StepProgress progress) {
    }

    /** After an epoch has been evaluated and checkpointed. */
    default void onEpoch(EpochMetrics metrics, TrainerState state) {
    }
}
