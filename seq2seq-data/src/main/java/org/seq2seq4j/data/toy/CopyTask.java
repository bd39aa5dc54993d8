package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Sequence copying: the target equals the source, {@code [c, a, b]} gives {@code [c, a, b]}. The simplest sanity
 * check of an encoder-decoder; with attention it should be learned almost at once.
 *
 * <p>Sources have a length uniform in {@code [minLength, maxLength]} and symbols uniform over the first
 * {@code alphabetSize} lowercase letters.
 *
 * @param minLength    shortest source, in {@code [1, 1000]}
 * @param maxLength    longest source, in {@code [minLength, 1000]}
 * @param alphabetSize number of distinct symbols, in {@code [2, 26]}
 */
public record CopyTask(@JsonProperty(required = true) int minLength,
                       @JsonProperty(required = true) int maxLength,
                       @JsonProperty(required = true) int alphabetSize) implements ToyTask {

    /** Validates the length range and the alphabet size. */
    public CopyTask {
        TaskConfigException.requireBetween("minLength", minLength, 1, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("maxLength", maxLength, "minLength", minLength, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("alphabetSize", alphabetSize, Alphabet.MIN_LETTERS, Alphabet.MAX_LETTERS);
    }

    @Override
    public SequencePair sample(RandomGenerator rng) {
        List<String> source = Alphabet.letters(alphabetSize).randomSequence(rng, minLength, maxLength);
        return new SequencePair(source, source);
    }

    @Override
    public String describe() {
        return "copy sequences of length " + minLength + " to " + maxLength + " over " + alphabetSize
                + " letters (a-" + Alphabet.letters(alphabetSize).last() + "), e.g. cab -> cab";
    }

    @Override
    public long distinctSources() {
        return Alphabet.letters(alphabetSize).countSequences(minLength, maxLength);
    }
}
