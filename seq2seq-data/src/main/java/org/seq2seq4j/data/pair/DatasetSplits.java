package org.seq2seq4j.data.pair;

import java.util.List;

/**
 * The train, development and test examples of one dataset. For generated toy data (see
 * {@code org.seq2seq4j.data.toy.ToyDatasets}) and for corpora split by {@link CorpusSplit} the three lists are
 * disjoint by source sequence.
 *
 * @param train examples to fit the model on; copied, unmodifiable
 * @param dev   examples for early stopping and model selection; copied, unmodifiable
 * @param test  held-out examples reported once; copied, unmodifiable
 */
public record DatasetSplits(List<SequencePair> train, List<SequencePair> dev, List<SequencePair> test) {

    /** Copies the three lists so that the splits are immutable. */
    public DatasetSplits {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        test = List.copyOf(test);
    }
}
