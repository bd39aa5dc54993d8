package org.seq2seq4j.data.text;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A punctuation-aware word tokenizer for European-language corpora such as Tatoeba English–French, in the spirit of
 * the Moses tokenizer (without its language-specific abbreviation lists) and of Penn Treebank clitics.
 *
 * <p>The text is first normalised by {@link TypographyNormalizer} (no-break spaces become spaces, {@code ’} becomes
 * {@code '}, {@code “ ”} become {@code "}, {@code …} becomes {@code ...}). Then:
 * <ul>
 *   <li><b>Words</b> are maximal runs of letters, digits (also {@code ² ₂ ½}, so {@code H₂O} is one word) and
 *       combining marks, joined across a connector with a word character on both sides: {@code -}
 *       ({@code peut-être}, {@code a-t-il}, {@code well-known}), {@code .} ({@code a.m}, {@code U.S}, {@code 3.5}),
 *       {@code &} ({@code R&B}), {@code '} (see below), and {@code ,}, {@code :} or {@code /} between two digits
 *       ({@code 1,000}, {@code 3,5}, {@code 2:30}, {@code 9/11}). Numbers therefore stay whole.</li>
 *   <li><b>Punctuation and symbols</b> are one token per code point ({@code Hello, world.} gives {@code Hello , world
 *       .}; {@code Va !} and {@code Va!} both give {@code Va !}; {@code $10} gives {@code $ 10}), except that a run of
 *       full stops is one token ({@code ...}).</li>
 *   <li><b>Apostrophes inside a word</b> are resolved left to right. If the part before the apostrophe is a French
 *       elided word ({@value #FRENCH_ELISIONS_DOC}, any case), the apostrophe stays with it and the word is split after
 *       it: {@code l'homme} → {@code l' homme}, {@code qu'il} → {@code qu' il}, {@code jusqu'à} → {@code jusqu' à}.
 *       Otherwise English clitics are split Penn Treebank style: {@code n't} moves to its own token ({@code don't} →
 *       {@code do n't}, {@code can't} → {@code ca n't}), and {@code 's 'm 'd 're 've 'll} are split before the
 *       apostrophe ({@code it's} → {@code it 's}, {@code Tom's} → {@code Tom 's}). Any other apostrophe stays inside
 *       the word ({@code aujourd'hui}, {@code o'clock}, {@code O'Neil}).</li>
 *   <li>An apostrophe right after a French elided word but not followed by a word character stays with it, so the
 *       common typo {@code n' y} gives {@code n' y}, which detokenizes to {@code n'y}.</li>
 *   <li>Any other apostrophe not between two word characters (a quotation mark, or the possessive {@code boys'}) is
 *       a punctuation token {@code '}.</li>
 *   <li>With {@link #lowercase()}, every token is lowercased with {@link Locale#ROOT}.</li>
 * </ul>
 * French guillemets {@code « »} are tokens of their own. CJK text has no spaces between words and should use
 * {@link CharacterTokenizer} instead.
 *
 * <p>{@link #detokenize(List)} is {@link WordDetokenizer} with this tokenizer's {@link #spacing()}. For the text
 * itself, {@code detokenize(tokenize(s))} equals {@code s} up to the normalisation above, runs of spaces, and the
 * spacing style; {@code tokenize(detokenize(tokenize(s)))} always equals {@code tokenize(s)}.
 *
 * @param lowercase whether tokens are lowercased
 * @param spacing   how {@link #detokenize(List)} spaces punctuation; tokenization does not depend on it
 */
public record WordTokenizer(@JsonProperty(required = true) boolean lowercase,
                            @JsonProperty(required = true) PunctuationSpacing spacing) implements Tokenizer {

    /** The French elided words, for the documentation. */
    static final String FRENCH_ELISIONS_DOC = "c d j l m n s t qu jusqu lorsqu puisqu quoiqu quelqu";

    private static final Set<String> FRENCH_ELISIONS = Set.of(FRENCH_ELISIONS_DOC.split(" "));
    private static final Set<String> ENGLISH_CLITICS = Set.of("s", "m", "d", "re", "ve", "ll");

    /** Rejects a missing spacing style. */
    public WordTokenizer {
        if (spacing == null) {
            throw new IllegalArgumentException("spacing must be one of [english, french], got null");
        }
    }

    /** @return the tokenizer {@code "word"} stands for in configs: case kept, English punctuation spacing */
    public static WordTokenizer defaults() {
        return new WordTokenizer(false, PunctuationSpacing.ENGLISH);
    }

    @Override
    public List<String> tokenize(String text) {
        String normalized = TypographyNormalizer.normalize(text);
        List<String> tokens = new ArrayList<>();
        int index = 0;
        while (index < normalized.length()) {
            int codePoint = normalized.codePointAt(index);
            if (codePoint == ' ') {
                index++;
            } else if (isWordCharacter(codePoint)) {
                int end = wordEnd(normalized, index);
                splitApostrophes(normalized.substring(index, end), tokens);
                index = end;
                if (index < normalized.length() && normalized.charAt(index) == '\''
                        && isElidedWord(tokens.get(tokens.size() - 1))) {
                    tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "'");
                    index++;
                }
            } else if (codePoint == '.') {
                int end = index;
                while (end < normalized.length() && normalized.charAt(end) == '.') {
                    end++;
                }
                tokens.add(normalized.substring(index, end));
                index = end;
            } else {
                tokens.add(Character.toString(codePoint));
                index += Character.charCount(codePoint);
            }
        }
        if (lowercase) {
            tokens.replaceAll(token -> token.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableList(tokens);
    }

    @Override
    public String detokenize(List<String> tokens) {
        return new WordDetokenizer(spacing).detokenize(tokens);
    }

    @Override
    public TokenizerType type() {
        return TokenizerType.WORD;
    }

    /**
     * @param word a token
     * @return whether it is a French elided word without its apostrophe ({@code l}, {@code qu}, ...), any case
     */
    static boolean isElidedWord(String word) {
        return FRENCH_ELISIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * @param codePoint a code point
     * @return whether it can be part of a word: a letter, a digit, another number character (such as {@code ²},
     *         {@code ₂} or {@code ½}) or a combining mark
     */
    static boolean isWordCharacter(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.OTHER_NUMBER || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** The end (exclusive) of the word starting at {@code start}, which holds a word character. */
    private static int wordEnd(String text, int start) {
        int index = start;
        int previous = -1;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int width = Character.charCount(codePoint);
            if (isWordCharacter(codePoint)) {
                previous = codePoint;
                index += width;
            } else if (index + width < text.length()
                    && joins(previous, codePoint, text.codePointAt(index + width))) {
                previous = codePoint;
                index += width;
            } else {
                break;
            }
        }
        return index;
    }

    /** Whether {@code connector} between {@code before} and {@code after} keeps them in one word. */
    private static boolean joins(int before, int connector, int after) {
        return switch (connector) {
            case '\'', '-', '.', '&' -> isWordCharacter(before) && isWordCharacter(after);
            case ',', ':', '/' -> Character.isDigit(before) && Character.isDigit(after);
            default -> false;
        };
    }

    /**
     * Splits a word (whose apostrophes all sit between word characters) at French elisions and English clitics.
     * English clitics are split only where everything after the apostrophe is clitics ({@code could|n't|'ve}), so
     * that no token starts with an apostrophe and goes on with more than a clitic.
     */
    private static void splitApostrophes(String word, List<String> tokens) {
        if (word.indexOf('\'') < 0) {
            tokens.add(word);
            return;
        }
        String[] segments = word.split("'", -1);
        StringBuilder piece = new StringBuilder(segments[0]);
        for (int next = 1; next < segments.length; next++) {
            String left = piece.toString();
            String right = segments[next];
            if (isElidedWord(left)) {
                tokens.add(left + "'");
                piece.setLength(0);
                piece.append(right);
            } else if (onlyCliticsFollow(segments, next, left)) {
                if (right.equalsIgnoreCase("t")) {
                    tokens.add(left.substring(0, left.length() - 1));
                    piece.setLength(0);
                    piece.append(left.charAt(left.length() - 1)).append('\'').append(right);
                } else {
                    tokens.add(left);
                    piece.setLength(0);
                    piece.append('\'').append(right);
                }
            } else {
                piece.append('\'').append(right);
            }
        }
        tokens.add(piece.toString());
    }

    /**
     * Whether the segments from {@code first} on are all English clitics: {@code s m d re ve ll}, or {@code t} after a
     * segment ending in {@code n} (the {@code n't} of {@code don't}, which needs at least one more letter before it).
     */
    private static boolean onlyCliticsFollow(String[] segments, int first, String left) {
        String before = left;
        for (int index = first; index < segments.length; index++) {
            String segment = segments[index].toLowerCase(Locale.ROOT);
            boolean negation = segment.equals("t") && before.length() > 1
                    && Character.toLowerCase(before.charAt(before.length() - 1)) == 'n';
            if (!negation && !ENGLISH_CLITICS.contains(segment)) {
                return false;
            }
            before = segments[index];
        }
        return true;
    }
}
