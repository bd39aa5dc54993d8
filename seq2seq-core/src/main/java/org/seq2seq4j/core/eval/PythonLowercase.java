package org.seq2seq4j.core.eval;

import java.util.Locale;

/**
 * Python 3's {@code str.lower()}, which sacreBLEU applies for case-insensitive scores. It maps each code point by the
 * Unicode full lowercase mapping, as {@link String#toLowerCase(Locale)} with {@link Locale#ROOT} does, but decides
 * between the two lowercase sigmas as CPython does ({@code handle_capital_sigma} in {@code unicodeobject.c}): capital
 * sigma U+03A3 becomes final sigma U+03C2 when a cased character precedes it and none follows it, skipping
 * case-ignorable characters in both directions (Unicode's Final_Sigma condition without word boundaries); otherwise
 * U+03C3. Java decides with word boundaries instead, so {@code "A:Σ".toLowerCase(Locale.ROOT)} differs from Python's.
 */
final class PythonLowercase {

    private static final int CAPITAL_SIGMA = 0x03A3;

    private PythonLowercase() {
    }

    static String lower(String s) {
        if (s.indexOf(CAPITAL_SIGMA) < 0) {
            return s.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(s.length());
        int start = 0;
        for (int i = s.indexOf(CAPITAL_SIGMA); i >= 0; i = s.indexOf(CAPITAL_SIGMA, i + 1)) {
            out.append(s.substring(start, i).toLowerCase(Locale.ROOT));
            out.append(isFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            start = i + 1;
        }
        out.append(s.substring(start).toLowerCase(Locale.ROOT));
        return out.toString();
    }

    /** {@code \p{cased} \p{case-ignorable}* U+03A3 !(\p{case-ignorable}* \p{cased})}, as CPython tests it. */
    private static boolean isFinalSigma(String s, int at) {
        int j = at;
        int c = -1;
        while (j > 0) {
            c = s.codePointBefore(j);
            if (!isCaseIgnorable(c)) {
                break;
            }
            j -= Character.charCount(c);
            c = -1;
        }
        if (c < 0 || !isCased(c)) {
            return false;
        }
        for (int k = at + 1; k < s.length(); k += Character.charCount(c)) {
            c = s.codePointAt(k);
            if (!isCaseIgnorable(c)) {
                return !isCased(c);
            }
        }
        return true;
    }

    /** Unicode's Cased property: Lowercase, Uppercase or titlecase letter. */
    private static boolean isCased(int c) {
        return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.isTitleCase(c);
    }

    /**
     * Unicode's Case_Ignorable property: general category Mn, Me, Cf, Lm or Sk, or Word_Break MidLetter, MidNumLet or
     * Single_Quote.
     */
    private static boolean isCaseIgnorable(int c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> true;
            default -> switch (c) {
                // Word_Break = MidLetter
                case 0x003A, 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A -> true;
                // Word_Break = MidNumLet
                case 0x002E, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E -> true;
                // Word_Break = Single_Quote
                case 0x0027 -> true;
                default -> false;
            };
        };
    }
}
