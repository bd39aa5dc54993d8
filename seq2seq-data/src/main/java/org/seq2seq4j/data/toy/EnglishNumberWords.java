package org.seq2seq4j.data.toy;

import java.util.ArrayList;
import java.util.List;

/**
 * English readings of the integers {@code 0..999999}, one word per token, no hyphens and no "and": {@code 23} →
 * {@code [twenty, three]}, {@code 112} → {@code [one, hundred, twelve]}.
 */
final class EnglishNumberWords {

    private static final List<String> BELOW_TWENTY = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty",
            "seventy", "eighty", "ninety");

    private EnglishNumberWords() {
    }

    /** @return one digit word per decimal digit: {@code 105} → {@code [one, zero, five]} */
    static List<String> digits(int value) {
        return Integer.toString(value).chars().mapToObj(digit -> BELOW_TWENTY.get(digit - '0')).toList();
    }

    /**
     * @param value in {@code [0, 999999]}
     * @return the cardinal reading: {@code 9999} → {@code [nine, thousand, nine, hundred, ninety, nine]}
     */
    static List<String> cardinal(int value) {
        if (value == 0) {
            return List.of(BELOW_TWENTY.get(0));
        }
        List<String> words = new ArrayList<>();
        int thousands = value / 1000;
        int rest = value % 1000;
        if (thousands > 0) {
            belowThousand(thousands, words);
            words.add("thousand");
        }
        if (rest > 0) {
            belowThousand(rest, words);
        }
        return List.copyOf(words);
    }

    private static void belowThousand(int value, List<String> words) {
        int hundreds = value / 100;
        int rest = value % 100;
        if (hundreds > 0) {
            words.add(BELOW_TWENTY.get(hundreds));
            words.add("hundred");
        }
        if (rest >= 20) {
            words.add(TENS.get(rest / 10));
            if (rest % 10 > 0) {
                words.add(BELOW_TWENTY.get(rest % 10));
            }
        } else if (rest > 0) {
            words.add(BELOW_TWENTY.get(rest));
        }
    }
}
