package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Rotation of a digit string to the right: with {@code shift} 2, source {@code 1234567} gives target
 * {@code 6712345}, i.e. {@code target[i] = source[(i - shift) mod n]}. The shift is taken modulo the sequence length,
 * so a shift that is a multiple of the length (including 0) copies the source.
 *
 * <p>The source is a string of digits {@code 0..9}, one token per digit, with a length uniform in
 * {@code [minLength, maxLength]}.
 *
 * @param minLength shortest source, in {@code [1, 1000]}
 * @param maxLength longest source, in {@code [minLength, 1000]}
 * @param shift     positions to rotate right by, in {@code [0, 1000]}
 */
public record RotateTask(@JsonProperty(required = true) int minLength,
                         @JsonProperty(required = true) int maxLength,
                         @JsonProperty(required = true) int shift) implements ToyTask {

    /** Validates the length range and the shift. */
    public RotateTask {
        TaskConfigException.requireBetween("minLength", minLength, 1, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("maxLength", maxLength, "minLength", minLength, MAX_SEQUENCE_LENGTH);
        TaskConfigException.requireBetween("shift", shift, 0, MAX_SEQUENCE_LENGTH);
    }

    @Override
    public SequencePair sample(RandomGenerator rng) {
        List<String> source = Alphabet.DIGITS.randomSequence(rng, minLength, maxLength);
        return new SequencePair(source, rotateRight(source, shift));
    }

    /**
     * @return {@code sequence} rotated right by {@code shift} positions (modulo its length)
     */
    static List<String> rotateRight(List<String> sequence, int shift) {
        int length = sequence.size();
        List<String> rotated = new ArrayList<>(length);
        for (int position = 0; position < length; position++) {
            rotated.add(sequence.get(Math.floorMod(position - shift, length)));
        }
        return rotated;
    }

    @Override
    public String describe() {
        return "rotate digit strings of length " + minLength + " to " + maxLength + " right by " + shift
                + ", e.g. " + String.join("", rotateExample()) + " -> " + String.join("", rotateRight(rotateExample(), shift));
    }

    private static List<String> rotateExample() {
        return List.of("1", "2", "3", "4", "5", "6", "7");
    }

    @Override
    public long distinctSources() {
        return Alphabet.DIGITS.countSequences(minLength, maxLength);
    }
}
