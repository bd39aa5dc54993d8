package org.seq2seq4j.core.train;

import java.util.List;
import java.util.Objects;

/**
 * Id sequences (without begin/end markers) for training and validation, and how the training examples are batched.
 *
 * @param trainSources training source id sequences
 * @param trainTargets training target id sequences, as many as {@code trainSources}
 * @param devSources   validation source id sequences
 * @param devTargets   validation target id sequences, as many as {@code devSources}
 * @param batches      how each epoch's training batches are formed and ordered
 * @param devScorer    extra scores of the dev split's greedy outputs after every epoch (BLEU, chrF)
 */
public record TrainingData(List<int[]> trainSources, List<int[]> trainTargets, List<int[]> devSources,
                           List<int[]> devTargets, EpochBatches batches, DevScorer devScorer) {

    public TrainingData {
        if (trainSources.size() != trainTargets.size() || devSources.size() != devTargets.size()) {
            throw new IllegalArgumentException("sources and targets must pair up: train " + trainSources.size() + "/"
                    + trainTargets.size() + ", dev " + devSources.size() + "/" + devTargets.size());
        }
        if (trainSources.isEmpty() || devSources.isEmpty()) {
            throw new IllegalArgumentException("training needs a non-empty train and dev split");
        }
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(devScorer, "devScorer");
    }

    /** Training data batched by {@code batches}, without extra dev scores. */
    public TrainingData(List<int[]> trainSources, List<int[]> trainTargets, List<int[]> devSources,
                        List<int[]> devTargets, EpochBatches batches) {
        this(trainSources, trainTargets, devSources, devTargets, batches, DevScorer.NONE);
    }

    /** Training data batched in uniformly shuffled order ({@link EpochBatches#shuffled()}). */
    public TrainingData(List<int[]> trainSources, List<int[]> trainTargets, List<int[]> devSources,
                        List<int[]> devTargets) {
        this(trainSources, trainTargets, devSources, devTargets, EpochBatches.shuffled(), DevScorer.NONE);
    }
}
