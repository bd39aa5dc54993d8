package org.seq2seq4j.data.text;

import java.text.Normalizer;
import java.util.Objects;

/**
 * The one place where typographic variants in raw text are mapped to the plain characters that
 * {@link WordTokenizer} splits on, so that {@code J’ai} and {@code J'ai}, or {@code Va !} with a narrow no-break space
 * and {@code Va !} with a plain space, give the same tokens.
 *
 * <p>Applied in this order:
 * <ol>
 *   <li>Unicode NFC composition, so that {@code e} + combining acute and the precomposed {@code é} are one token.</li>
 *   <li>Every whitespace code point of {@link WhitespaceTokenizer#isWhitespace(int)} (tab, line breaks, no-break space
 *       U+00A0, narrow no-break space U+202F, thin space U+2009, ...) becomes one ASCII space U+0020.</li>
 *   <li>Invisible format characters (Unicode category Cf: soft hyphen U+00AD, zero-width space U+200B, byte order
 *       mark U+FEFF, ...) are removed.</li>
 *   <li>Apostrophe and single-quote variants {@code ’ ‘ ‛ ʼ} become the ASCII apostrophe {@code '}; the double quote
 *       variants {@code “ ” „ ‟} become {@code "}; the ellipsis character {@code …} becomes three full stops.</li>
 * </ol>
 * French guillemets {@code « »} are kept: they mark opening and closing unambiguously, and the French
 * {@link PunctuationSpacing} puts them back with their spaces. Letters, digits and all other punctuation are left
 * alone; case is not changed here.
 */
public final class TypographyNormalizer {

    private TypographyNormalizer() {
    }

    /**
     * @param text raw text, never {@code null}
     * @return the normalised text; may contain runs of spaces and leading or trailing spaces
     */
    public static String normalize(String text) {
        Objects.requireNonNull(text, "text");
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length() + 8);
        int index = 0;
        while (index < composed.length()) {
            int codePoint = composed.codePointAt(index);
            index += Character.charCount(codePoint);
            appendNormalized(out, codePoint);
        }
        return out.toString();
    }

    private static void appendNormalized(StringBuilder out, int codePoint) {
        if (WhitespaceTokenizer.isWhitespace(codePoint)) {
            out.append(' ');
        } else if (Character.getType(codePoint) == Character.FORMAT) {
            return;
        } else {
            switch (codePoint) {
                case '\u2019', '\u2018', '\u201B', '\u02BC' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F' -> out.append('"');
                case '\u2026' -> out.append("...");
                default -> out.appendCodePoint(codePoint);
            }
        }
    }
}
