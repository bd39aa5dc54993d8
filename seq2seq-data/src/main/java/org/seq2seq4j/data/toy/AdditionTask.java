package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Integer addition at character level: source {@code 12+3} as {@code [1, 2, +, 3]}, target the sum {@code [1, 5]}.
 *
 * <p>Each operand independently gets a digit count uniform in {@code [minDigits, maxDigits]} and is then uniform
 * among the numbers with that many digits (no leading zeros; the one-digit numbers include 0).
 *
 * @param minDigits fewest digits of an operand, in {@code [1, 9]}
 * @param maxDigits most digits of an operand, in {@code [minDigits, 9]}
 */
public record AdditionTask(@JsonProperty(required = true) int minDigits,
                           @JsonProperty(required = true) int maxDigits) implements ToyTask {

    /** Largest operand length: two 9-digit operands and their sum still fit in an {@code int}. */
    public static final int MAX_DIGITS = 9;

    /** Validates the digit range. */
    public AdditionTask {
        TaskConfigException.requireBetween("minDigits", minDigits, 1, MAX_DIGITS);
        TaskConfigException.requireBetween("maxDigits", maxDigits, "minDigits", minDigits, MAX_DIGITS);
    }

    @Override
    public SequencePair sample(RandomGenerator rng) {
        int left = randomOperand(rng);
        int right = randomOperand(rng);
        List<String> source = new ArrayList<>(characters(Integer.toString(left)));
        source.add("+");
        source.addAll(characters(Integer.toString(right)));
        return new SequencePair(source, characters(Integer.toString(left + right)));
    }

    private int randomOperand(RandomGenerator rng) {
        int digits = minDigits + rng.nextInt(maxDigits - minDigits + 1);
        if (digits == 1) {
            return rng.nextInt(10);
        }
        int smallest = powerOfTen(digits - 1);
        return smallest + rng.nextInt(9 * smallest);
    }

    private static List<String> characters(String text) {
        return text.chars().mapToObj(Character::toString).toList();
    }

    private static int powerOfTen(int exponent) {
        int power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 10;
        }
        return power;
    }

    @Override
    public String describe() {
        return "addition of two numbers with " + minDigits + " to " + maxDigits + " digits, e.g. 12+3 -> 15";
    }

    /** @return the number of ordered operand pairs, {@code n^2} for {@code n} possible operands */
    @Override
    public long distinctSources() {
        long operands = (long) powerOfTen(maxDigits) - (minDigits == 1 ? 0 : powerOfTen(minDigits - 1));
        return operands * operands;
    }
}
