package org.seq2seq4j.data.toy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.toy.NumberWordsTask.Direction;
import org.seq2seq4j.data.toy.NumberWordsTask.Style;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberWordsTaskTest {

    private static final NumberWordsTask CARDINAL =
            new NumberWordsTask(0, NumberWordsTask.MAX_VALUE, Direction.WORDS_TO_NUMERALS, Style.CARDINAL);

    private static List<String> tokens(String spaced) {
        return Arrays.asList(spaced.split(" "));
    }

    @ParameterizedTest
    @CsvSource({
            "0,      zero,                                                    零",
            "10,     ten,                                                     十",
            "12,     twelve,                                                  十 二",
            "20,     twenty,                                                  二 十",
            "23,     twenty three,                                            二 十 三",
            "105,    one hundred five,                                        一 百 零 五",
            "110,    one hundred ten,                                         一 百 一 十",
            "112,    one hundred twelve,                                      一 百 一 十 二",
            "1000,   one thousand,                                            一 千",
            "1001,   one thousand one,                                        一 千 零 一",
            "1010,   one thousand ten,                                        一 千 零 一 十",
            "9999,   nine thousand nine hundred ninety nine,                  九 千 九 百 九 十 九",
            "10000,  ten thousand,                                            一 万",
            "10010,  ten thousand ten,                                        一 万 零 一 十",
            "11000,  eleven thousand,                                         一 万 一 千",
            "20305,  twenty thousand three hundred five,                      二 万 零 三 百 零 五",
            "100000, one hundred thousand,                                    十 万",
            "100100, one hundred thousand one hundred,                        十 万 零 一 百",
            "150000, one hundred fifty thousand,                              十 五 万",
            "999999, nine hundred ninety nine thousand nine hundred ninety nine, 九 十 九 万 九 千 九 百 九 十 九"
    })
    void cardinalReadingsFollowEnglishAndChineseRules(int value, String english, String chinese) {
        assertEquals(new SequencePair(tokens(english), tokens(chinese)), CARDINAL.example(value));
    }

    @Test
    void digitStyleReadsEachDigit() {
        NumberWordsTask task = new NumberWordsTask(0, 999, Direction.WORDS_TO_NUMERALS, Style.DIGITS);
        assertEquals(new SequencePair(List.of("one", "two"), List.of("一", "二")), task.example(12));
        assertEquals(new SequencePair(List.of("one", "zero", "five"), List.of("一", "〇", "五")), task.example(105));
        assertEquals(new SequencePair(List.of("zero"), List.of("〇")), task.example(0));
    }

    @Test
    void numeralsToWordsSwapsTheSides() {
        NumberWordsTask task = new NumberWordsTask(0, 999, Direction.NUMERALS_TO_WORDS, Style.DIGITS);
        assertEquals(new SequencePair(List.of("一", "二"), List.of("one", "two")), task.example(12));
    }

    @Test
    void everyValueHasItsOwnReadingOnBothSides() {
        for (Style style : Style.values()) {
            Set<List<String>> english = new HashSet<>();
            Set<List<String>> chinese = new HashSet<>();
            for (int value = 0; value <= NumberWordsTask.MAX_VALUE; value += 1 + value / 5000) {
                assertTrue(english.add(style.englishWords(value)), style + " english " + value);
                assertTrue(chinese.add(style.chineseNumerals(value)), style + " chinese " + value);
            }
        }
    }

    @Test
    void chineseCardinalNeverEndsWithOrRepeatsZero() {
        for (int value = 1; value <= NumberWordsTask.MAX_VALUE; value += 1 + value / 3000) {
            String reading = String.join("", ChineseNumerals.cardinal(value));
            assertFalse(reading.endsWith("零"), value + " " + reading);
            assertFalse(reading.startsWith("零"), value + " " + reading);
            assertFalse(reading.contains("零零"), value + " " + reading);
            assertFalse(reading.startsWith("一十"), value + " " + reading);
        }
    }

    @Test
    void samplesStayInTheValueRange() {
        NumberWordsTask task = new NumberWordsTask(40, 42, Direction.NUMERALS_TO_WORDS, Style.CARDINAL);
        Random rng = new Random(2);
        Set<SequencePair> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(task.sample(rng));
        }
        assertEquals(Set.of(task.example(40), task.example(41), task.example(42)), seen);
        assertEquals(3, task.distinctSources());
    }

    @Test
    void rejectsValuesOutsideZeroToNineHundredNinetyNineThousand() {
        assertEquals("minValue must be between 0 and 999999, got -1", assertThrows(TaskConfigException.class,
                () -> new NumberWordsTask(-1, 5, Direction.WORDS_TO_NUMERALS, Style.DIGITS)).getMessage());
        assertEquals("maxValue must be between minValue (0) and 999999, got 1000000", assertThrows(
                TaskConfigException.class,
                () -> new NumberWordsTask(0, 1_000_000, Direction.WORDS_TO_NUMERALS, Style.DIGITS)).getMessage());
        assertEquals("maxValue must be between minValue (7) and 999999, got 6", assertThrows(
                TaskConfigException.class,
                () -> new NumberWordsTask(7, 6, Direction.WORDS_TO_NUMERALS, Style.DIGITS)).getMessage());
    }

    @Test
    void rejectsMissingDirectionListingTheChoices() {
        TaskConfigException error = assertThrows(TaskConfigException.class,
                () -> new NumberWordsTask(0, 5, null, Style.DIGITS));
        assertEquals("direction must be one of [words_to_numerals, numerals_to_words], got null", error.getMessage());
        assertEquals("direction", error.field());
        assertNull(error.value());
    }
}
