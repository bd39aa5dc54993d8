package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Split;

import java.util.random.RandomGenerator;

/**
 * A synthetic sequence-to-sequence task whose examples are generated from a seed, and at the same time the JSON
 * config of that task: {@code {"type":"rotate","minLength":5,"maxLength":8,"shift":2}}. The {@code type} names are
 * {@code addition}, {@code rotate}, {@code reverse}, {@code copy}, {@code sort}, {@code number_words} and
 * {@code names}; the other keys are the record components of the implementing record, each validated in its compact
 * constructor ({@link TaskConfigException}).
 *
 * <p>Most tasks draw every split from one distribution. A task may instead draw its dev and test examples from a pool
 * of its own ({@link #separateHeldOutPool()}), as {@link NamesTask} does with entity tokens never seen in training.
 *
 * <p>Every implementation draws randomness only through {@link RandomGenerator#nextInt(int)}, so that with a
 * {@link java.util.Random} (whose algorithm the Java SE specification fixes) the examples are the same on every JVM.
 * Datasets of disjoint splits are made by {@link ToyDatasets#generate(ToyTask, long, int, int, int)}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AdditionTask.class, name = "addition"),
        @JsonSubTypes.Type(value = RotateTask.class, name = "rotate"),
        @JsonSubTypes.Type(value = ReverseTask.class, name = "reverse"),
        @JsonSubTypes.Type(value = CopyTask.class, name = "copy"),
        @JsonSubTypes.Type(value = SortTask.class, name = "sort"),
        @JsonSubTypes.Type(value = NumberWordsTask.class, name = "number_words"),
        @JsonSubTypes.Type(value = NamesTask.class, name = "names")
})
public sealed interface ToyTask
        permits AdditionTask, RotateTask, ReverseTask, CopyTask, SortTask, NumberWordsTask, NamesTask {

    /** Longest sequence any length-parameterised task may be configured to produce. */
    int MAX_SEQUENCE_LENGTH = 1000;

    /**
     * Draws one example.
     *
     * @param rng the source of randomness; only {@link RandomGenerator#nextInt(int)} is called
     * @return a source sequence and the target the model must produce for it
     */
    SequencePair sample(RandomGenerator rng);

    /**
     * Draws one example for a split: {@link #sample(RandomGenerator)} unless the task has a
     * {@link #separateHeldOutPool() separate held-out pool}.
     *
     * @param rng   the source of randomness; only {@link RandomGenerator#nextInt(int)} is called
     * @param split the split the example is for
     * @return a source sequence and the target the model must produce for it
     */
    default SequencePair sample(RandomGenerator rng, Split split) {
        return sample(rng);
    }

    /**
     * Whether dev and test examples come from a pool of their own, disjoint from the training examples by
     * construction: then {@link #sample(RandomGenerator, Split)} differs between {@link Split#TRAIN} and the other two
     * splits, and {@link #distinctSources(Split)} bounds the training split and the dev and test splits together
     * separately.
     *
     * @return {@code false} unless the task overrides it
     */
    default boolean separateHeldOutPool() {
        return false;
    }

    /** @return a one-line human-readable description with an example, for logs and reports */
    String describe();

    /**
     * The number of different source sequences {@link #sample(RandomGenerator)} can produce, which bounds how many
     * disjoint examples can be drawn.
     *
     * @return the count, or {@link Long#MAX_VALUE} if it does not fit in a {@code long}
     */
    long distinctSources();

    /**
     * The number of different source sequences {@link #sample(RandomGenerator, Split)} can produce for a split.
     *
     * @param split the split
     * @return {@link #distinctSources()} unless the task has a {@link #separateHeldOutPool() separate held-out pool}
     */
    default long distinctSources(Split split) {
        return distinctSources();
    }
}
