package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Sequence reversal: source {@code [c, a, b]} gives target {@code [b, a, c]}. The classic test that attention can
 * align output step {@code t} with input step {@code n - 1 - t}.
 *
 * <p>Sources have a length uniform in {@code [minLength, maxLength]} and symbols uniform over the first
 * {@code alphabetSize} lowercase letters.
 *
 * @param minLength    shortest source, in {@code [1, 1000]}
 * @param maxLength    longest source, in {@code [minLength, 1000]}
 * @param alphabetSize number of distinct symbols, in {@code [2, 26]}
 */
public record ReverseTask(@JsonProperty(required = true) int minLength,
                          @JsonProperty(required = true) int maxLength,
                          @JsonProperty(required = true) int alphabetSize) implements ToyTask {

    /** Validates the length range and the alphabet size. */
    public ReverseTask {
        TaskConfigException.requireBetween("minLength", minLength, 1, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("maxLength", maxLength, "minLength", minLength, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("alphabetSize", alphabetSize, Alphabet.MIN_LETTERS, Alphabet.MAX_LETTERS);
    }

    @Override
    public SequencePair sample(RandomGenerator rng) {
        List<String> source = Alphabet.letters(alphabetSize).randomSequence(rng, minLength, maxLength);
        List<String> target = new ArrayList<>(source);
        Collections.reverse(target);
        return new SequencePair(source, target);
    }

    @Override
    public String describe() {
        return "reverse sequences of length " + minLength + " to " + maxLength + " over " + alphabetSize
                + " letters (a-" + Alphabet.letters(alphabetSize).last() + "), e.g. cab -> bac";
    }

    @Override
    public long distinctSources() {
        return Alphabet.letters(alphabetSize).countSequences(minLength, maxLength);
    }
}
