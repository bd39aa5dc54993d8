package org.seq2seq4j.data.pair;

/** One of the three parts of a dataset ({@link DatasetSplits}). */
public enum Split {
    /** The examples a model is fitted on. */
    TRAIN,
    /** The examples for early stopping and model selection. */
    DEV,
    /** The held-out examples reported once. */
    TEST
}
