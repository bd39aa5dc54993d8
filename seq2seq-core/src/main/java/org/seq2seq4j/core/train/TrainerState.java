package org.seq2seq4j.core.train;

/**
 * Where training stands after a completed epoch: everything besides parameters and optimizer state that an
 * interrupted run needs to continue exactly as an uninterrupted one.
 *
 * @param epoch                  completed epochs
 * @param step                   optimizer steps taken
 * @param learningRate           learning rate for the next epoch
 * @param bestEpoch              epoch with the best validation metric so far
 * @param bestMetric             that metric's value
 * @param epochsWithoutImprovement epochs since the best (early stopping)
 * @param plateauEpochs          epochs since the best or the last plateau reduction (plateau schedule)
 * @param stopped                whether early stopping ended the run
 */
public record TrainerState(int epoch, long step, double learningRate, int bestEpoch, double bestMetric,
                           int epochsWithoutImprovement, int plateauEpochs, boolean stopped) {
}
