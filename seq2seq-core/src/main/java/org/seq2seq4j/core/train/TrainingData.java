package org.seq2seq4j.core.train;

import java.util.List;

/**
 * Id sequences (without begin/end markers) for training and validation.
 */
public record TrainingData(List<int[]> trainSources, List<int[]> trainTargets, List<int[]> devSources,
                           List<int[]> devTargets) {

    public TrainingData {
        if (trainSources.size() != trainTargets.size() || devSources.size() != devTargets.size()) {
            throw new IllegalArgumentException("sources and targets must pair up: train " + trainSources.size() + "/"
                    + trainTargets.size() + ", dev " + devSources.size() + "/" + devTargets.size());
        }
        if (trainSources.isEmpty() || devSources.isEmpty()) {
            throw new IllegalArgumentException("training needs a non-empty train and dev split");
        }
    }
}
