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
 * {@code alphabetSize} letters of {@code a..z A..Z} (lowercase first); with {@code distinctSymbols} no symbol occurs
 * twice in a source (so none occurs twice in a target either, and any repeated n-gram in an output is an error: the
 * repetition-prone variant that coverage is measured on).
 *
 * @param minLength       shortest source, in {@code [1, 1000]}
 * @param maxLength       longest source, in {@code [minLength, 1000]}
 * @param alphabetSize    number of distinct symbols, in {@code [2, 52]}
 * @param distinctSymbols whether a source holds every symbol at most once (then {@code maxLength} is at most
 *                        {@code alphabetSize}), uniform among such sequences of its length
 */
public record CopyTask(@JsonProperty(required = true) int minLength,
                       @JsonProperty(required = true) int maxLength,
                       @JsonProperty(required = true) int alphabetSize,
                       @JsonProperty(required = true) boolean distinctSymbols) implements ToyTask {

    /** Validates the length range and the alphabet size, and that distinct symbols fit the alphabet. */
    public CopyTask {
        TaskConfigException.requireBetween("minLength", minLength, 1, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("maxLength", maxLength, "minLength", minLength, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("alphabetSize", alphabetSize, Alphabet.MIN_LETTERS, Alphabet.MAX_LETTERS);
        if (distinctSymbols) {
            TaskConfigException.requireAtMost("maxLength", maxLength, "alphabetSize", alphabetSize,
                    "when distinctSymbols is true (a longer source would repeat a symbol)");
        }
    }

    /** Symbols drawn independently, so they may repeat ({@code distinctSymbols} false). */
    public CopyTask(int minLength, int maxLength, int alphabetSize) {
        this(minLength, maxLength, alphabetSize, false);
    }

    @Override
    public SequencePair sample(RandomGenerator rng) {
        List<String> source = Alphabet.letters(alphabetSize).randomSequence(rng, minLength, maxLength, distinctSymbols);
        return new SequencePair(source, source);
    }

    @Override
    public String describe() {
        return "copy sequences of length " + minLength + " to " + maxLength + " over " + alphabetSize
                + " letters (" + Alphabet.letters(alphabetSize).ranges() + ")"
                + (distinctSymbols ? ", no letter twice" : "") + ", e.g. cab -> cab";
    }

    @Override
    public long distinctSources() {
        return Alphabet.letters(alphabetSize).countSequences(minLength, maxLength, distinctSymbols);
    }
}
