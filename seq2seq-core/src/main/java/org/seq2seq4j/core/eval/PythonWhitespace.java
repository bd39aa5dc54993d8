package org.seq2seq4j.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The whitespace of Python 3's {@code str.isspace()}, which {@code str.split()}, {@code str.rstrip()} and so sacreBLEU
 * use to cut text into tokens. It is wider than {@link Character#isWhitespace(int)}: it includes the no-break spaces
 * U+00A0, U+2007 and U+202F, U+0085 and U+001C..U+001F. All of these lie in the Basic Multilingual Plane, so a
 * surrogate is never whitespace and working on UTF-16 chars gives Python's result on code points.
 */
final class PythonWhitespace {

    private PythonWhitespace() {
    }

    /** Whether Python's {@code str.isspace()} holds for this single character. */
    static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', ' ', '\u0085', '\u00A0',
                    '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** Python's {@code s.split()}: the maximal runs of non-whitespace, in order (no empty strings). */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            if (isWhitespace(s.charAt(i))) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Python's {@code s.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's {@code ''.join(s.split())}: the text with every whitespace character removed. */
    static String remove(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
