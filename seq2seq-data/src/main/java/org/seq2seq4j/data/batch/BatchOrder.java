package org.seq2seq4j.data.batch;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.List;

/**
 * How the training examples of one epoch are grouped into batches and ordered, and at the same time its JSON config:
 * {@code {"type":"shuffled"}} ({@link ShuffledBatches}) or {@code {"type":"bucketed","chunkBatches":100}}
 * ({@link LengthBucketedBatches}).
 *
 * <p>Every order is a function of the example lengths, the batch size and a seed only, so the same seed gives the
 * same batches on every JVM; a trainer passes a seed mixed from its run seed and the epoch number. Every example
 * index appears in exactly one batch per epoch; all batches have {@code batchSize} examples except at most one
 * smaller batch. Batches are lists of indices into the example lists, the form the core trainer uses.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ShuffledBatches.class, name = "shuffled"),
        @JsonSubTypes.Type(value = LengthBucketedBatches.class, name = "bucketed")
})
public sealed interface BatchOrder permits ShuffledBatches, LengthBucketedBatches {

    /**
     * @param sourceLengths the source length of each example, in tokens
     * @param targetLengths the target length of each example, in tokens; as many as {@code sourceLengths}
     * @param batchSize     the number of examples per batch, at least 1
     * @param seed          the seed of this epoch's order
     * @return the epoch's batches of example indices, in training order; every index exactly once
     * @throws BatchOrderException if the batch size is below 1 or the length arrays differ in size
     */
    List<List<Integer>> batches(int[] sourceLengths, int[] targetLengths, int batchSize, long seed);

    /**
     * {@link #batches(int[], int[], int, long)} for id sequences, the trainer's {@code List<int[]>} form.
     *
     * @param sources   source id sequences
     * @param targets   target id sequences, as many as {@code sources}
     * @param batchSize the number of examples per batch, at least 1
     * @param seed      the seed of this epoch's order
     * @return the epoch's batches of indices into {@code sources} and {@code targets}
     */
    default List<List<Integer>> batches(List<int[]> sources, List<int[]> targets, int batchSize, long seed) {
        return batches(sources.stream().mapToInt(ids -> ids.length).toArray(),
                targets.stream().mapToInt(ids -> ids.length).toArray(), batchSize, seed);
    }

    /**
     * {@link #batches(int[], int[], int, long)} for tokenized pairs.
     *
     * @param pairs     the examples
     * @param batchSize the number of examples per batch, at least 1
     * @param seed      the seed of this epoch's order
     * @return the epoch's batches of indices into {@code pairs}
     */
    default List<List<Integer>> batches(List<SequencePair> pairs, int batchSize, long seed) {
        return batches(pairs.stream().mapToInt(pair -> pair.source().size()).toArray(),
                pairs.stream().mapToInt(pair -> pair.target().size()).toArray(), batchSize, seed);
    }
}
