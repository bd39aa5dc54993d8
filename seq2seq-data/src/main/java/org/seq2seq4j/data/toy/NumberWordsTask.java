package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Translation between English number words and Chinese numerals, a small "real" translation task with reordering-free
 * but length-changing alignments. The value is uniform in {@code [minValue, maxValue]}.
 *
 * <p>With {@link Style#DIGITS} every decimal digit is read on its own: 12 is {@code [one, two]} ↔ {@code [一, 二]},
 * 105 is {@code [one, zero, five]} ↔ {@code [一, 〇, 五]}. With {@link Style#CARDINAL} the number is read as a whole:
 * 105 is {@code [one, hundred, five]} ↔ {@code [一, 百, 零, 五]}, 10010 is {@code [ten, thousand, ten]} ↔
 * {@code [一, 万, 零, 一, 十]} (English without "and" or hyphens; Chinese by the standard rules, see
 * {@link ChineseNumerals}). Tokens are whole English words and single Chinese characters.
 *
 * @param minValue  smallest value, in {@code [0, 999999]}
 * @param maxValue  largest value, in {@code [minValue, 999999]}
 * @param direction which side is the source
 * @param style     digit-by-digit or cardinal reading
 */
public record NumberWordsTask(@JsonProperty(required = true) int minValue,
                              @JsonProperty(required = true) int maxValue,
                              @JsonProperty(required = true) Direction direction,
                              @JsonProperty(required = true) Style style) implements ToyTask {

    /** Largest value that both readings support. */
    public static final int MAX_VALUE = 999_999;

    /** Which language is the source. */
    public enum Direction {
        /** English words in, Chinese numerals out. */
        @JsonProperty("words_to_numerals")
        WORDS_TO_NUMERALS,
        /** Chinese numerals in, English words out. */
        @JsonProperty("numerals_to_words")
        NUMERALS_TO_WORDS
    }

    /** How a value is read on both sides. */
    public enum Style {
        /** Each decimal digit separately: 12 → {@code [one, two]} ↔ {@code [一, 二]}. */
        @JsonProperty("digits")
        DIGITS,
        /** The cardinal number: 12 → {@code [twelve]} ↔ {@code [十, 二]}. */
        @JsonProperty("cardinal")
        CARDINAL;

        /** @return the English reading of {@code value} in this style */
        public List<String> englishWords(int value) {
            return switch (this) {
                case DIGITS -> EnglishNumberWords.digits(value);
                case CARDINAL -> EnglishNumberWords.cardinal(value);
            };
        }

        /** @return the Chinese reading of {@code value} in this style */
        public List<String> chineseNumerals(int value) {
            return switch (this) {
                case DIGITS -> ChineseNumerals.digits(value);
                case CARDINAL -> ChineseNumerals.cardinal(value);
            };
        }
    }

    /** Validates the value range and that direction and style are given. */
    public NumberWordsTask {
        TaskConfigException.requireBetween("minValue", minValue, 0, MAX_VALUE);
        TaskConfigException.requireBetween("maxValue", maxValue, "minValue", minValue, MAX_VALUE);
        TaskConfigException.requireChoice("direction", direction, "[words_to_numerals, numerals_to_words]");
        TaskConfigException.requireChoice("style", style, "[digits, cardinal]");
    }

    @Override
    public SequencePair sample(RandomGenerator rng) {
        return example(minValue + rng.nextInt(maxValue - minValue + 1));
    }

    /**
     * @param value a number in {@code [0, 999999]}
     * @return the example this task makes for {@code value}
     */
    public SequencePair example(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("value must be between 0 and " + MAX_VALUE + ", got " + value);
        }
        List<String> words = style.englishWords(value);
        List<String> numerals = style.chineseNumerals(value);
        return switch (direction) {
            case WORDS_TO_NUMERALS -> new SequencePair(words, numerals);
            case NUMERALS_TO_WORDS -> new SequencePair(numerals, words);
        };
    }

    @Override
    public String describe() {
        SequencePair example = example(Math.max(minValue, Math.min(maxValue, 105)));
        return "number words (" + direction.name().toLowerCase(Locale.ROOT) + ", " + style.name().toLowerCase(Locale.ROOT) + ") for "
                + minValue + " to " + maxValue + ", e.g. " + String.join(" ", example.source()) + " -> "
                + String.join(" ", example.target());
    }

    /** @return the number of values, since every value has a different reading on either side */
    @Override
    public long distinctSources() {
        return (long) maxValue - minValue + 1;
    }
}
