package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Sorting: the target holds the source's symbols in alphabet order, repeats kept: {@code [c, a, b, a]} gives
 * {@code [a, a, b, c]}. Unlike copy and reverse, the alignment depends on the content, not the position.
 *
 * <p>Sources have a length uniform in {@code [minLength, maxLength]} and symbols uniform over the first
 * {@code alphabetSize} lowercase letters. Distinct sources are distinct sequences, so two sources with the same
 * symbols in a different order are different examples with the same target.
 *
 * @param minLength    shortest source, in {@code [1, 1000]}
 * @param maxLength    longest source, in {@code [minLength, 1000]}
 * @param alphabetSize number of distinct symbols, in {@code [2, 26]}
 */
public record SortTask(@JsonProperty(required = true) int minLength,
                       @JsonProperty(required = true) int maxLength,
                       @JsonProperty(required = true) int alphabetSize) implements ToyTask {

    /** Validates the length range and the alphabet size. */
    public SortTask {
        TaskConfigException.requireBetween("minLength", minLength, 1, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("maxLength", maxLength, "minLength", minLength, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("alphabetSize", alphabetSize, Alphabet.MIN_LETTERS, Alphabet.MAX_LETTERS);
    }

    @Override
    public SequencePair sample(RandomGenerator rng) {
        List<String> source = Alphabet.letters(alphabetSize).randomSequence(rng, minLength, maxLength);
        List<String> target = new ArrayList<>(source);
        target.sort(Comparator.naturalOrder());
        return new SequencePair(source, target);
    }

    @Override
    public String describe() {
        return "sort sequences of length " + minLength + " to " + maxLength + " over " + alphabetSize
                + " letters (a-" + Alphabet.letters(alphabetSize).last() + "), e.g. caba -> aabc";
    }

    @Override
    public long distinctSources() {
        return Alphabet.letters(alphabetSize).countSequences(minLength, maxLength);
    }
}
