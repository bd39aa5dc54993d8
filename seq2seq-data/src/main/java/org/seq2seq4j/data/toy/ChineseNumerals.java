package org.seq2seq4j.data.toy;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese readings of the integers {@code 0..999999}, one character per token.
 *
 * <p>Digit-by-digit with 〇 for zero ({@code 105} → {@code [一, 〇, 五]}), or the cardinal reading with the units
 * 十 百 千 万 under the standard rules: a run of internal zeros is read as a single 零 ({@code 1005} →
 * {@code [一, 千, 零, 五]}), trailing zeros are silent ({@code 110} → {@code [一, 百, 一, 十]}), a 零 joins the 万
 * group to a lower group below 1000 ({@code 10010} → {@code [一, 万, 零, 一, 十]}), and a number that starts with
 * 一十 drops the 一 ({@code 12} → {@code [十, 二]}, {@code 150000} → {@code [十, 五, 万]}).
 */
final class ChineseNumerals {

    private static final List<String> DIGIT_CHARACTERS = List.of("〇", "一", "二", "三", "四", "五", "六", "七", "八", "九");
    private static final String ZERO = "零";
    private static final String TEN = "十";
    private static final String TEN_THOUSAND = "万";
    /** Unit of each decimal position within a four-digit group, ones first. */
    private static final List<String> GROUP_UNITS = List.of("", TEN, "百", "千");
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private ChineseNumerals() {
    }

    /** @return one numeral character per decimal digit: {@code 12} → {@code [一, 二]} */
    static List<String> digits(int value) {
        return Integer.toString(value).chars().mapToObj(digit -> DIGIT_CHARACTERS.get(digit - '0')).toList();
    }

    /**
     * @param value in {@code [0, 999999]}
     * @return the cardinal reading, e.g. {@code 105} → {@code [一, 百, 零, 五]}
     */
    static List<String> cardinal(int value) {
        if (value == 0) {
            return List.of(ZERO);
        }
        List<String> characters = new ArrayList<>();
        int tenThousands = value / 10_000;
        int rest = value % 10_000;
        if (tenThousands > 0) {
            readGroup(tenThousands, characters);
            characters.add(TEN_THOUSAND);
        }
        if (rest > 0) {
            if (tenThousands > 0 && rest < 1000) {
                characters.add(ZERO);
            }
            readGroup(rest, characters);
        }
        if (characters.size() >= 2 && characters.get(0).equals(DIGIT_CHARACTERS.get(1))
                && characters.get(1).equals(TEN)) {
            characters.remove(0);
        }
        return List.copyOf(characters);
    }

    /** Reads a group in {@code [1, 9999]}: digits with their units, one 零 per internal zero run. */
    private static void readGroup(int group, List<String> characters) {
        boolean started = false;
        boolean pendingZero = false;
        for (int position = 3; position >= 0; position--) {
            int digit = group / POWERS_OF_TEN[position] % 10;
            if (digit == 0) {
                pendingZero = started;
                continue;
            }
            if (pendingZero) {
                characters.add(ZERO);
                pendingZero = false;
            }
            characters.add(DIGIT_CHARACTERS.get(digit));
            if (position > 0) {
                characters.add(GROUP_UNITS.get(position));
            }
            started = true;
        }
    }
}
