package org.seq2seq4j.data.text;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Joins {@link WordTokenizer} tokens back into text for output and for BLEU on detokenized text: tokens are separated
 * by one space except where the punctuation conventions below remove it.
 *
 * <ul>
 *   <li>No space before {@code . , ) ] } %}, runs of full stops ({@code ...}), and the English clitics
 *       {@code 's 'm 'd 're 've 'll n't} (so {@code do n't} becomes {@code don't}).</li>
 *   <li>No space after {@code ( [ { ¿ ¡}, after a French elision ending in an apostrophe ({@code l' homme} becomes
 *       {@code l'homme}), and after {@code $ £ € ¥} when a number follows ({@code $10}).</li>
 *   <li>{@code "} alternates: an opening quote attaches to the next token, a closing quote to the previous one.
 *       A lone {@code '} does the same, except that with no single quote open it attaches to a preceding word ending
 *       in {@code s} as a possessive ({@code boys' club}); it never attaches to a French elided word such as
 *       {@code s} or {@code n}, which would turn it into the elision {@code s'}.</li>
 *   <li>{@code ! ? ; :} and the guillemets depend on {@link PunctuationSpacing}: {@link PunctuationSpacing#ENGLISH}
 *       attaches them ({@code Va!}, {@code «Non»}); {@link PunctuationSpacing#FRENCH} keeps a space before
 *       {@code ! ? ; : »} and after {@code «} ({@code Va !}, {@code « Non »}).</li>
 *   <li>Two runs of full stops never touch, so that {@code . ...} does not come back as one token {@code ....}.</li>
 * </ul>
 * Any token sequence is accepted, including model output with unknown tokens; the rules above only decide spacing,
 * and empty tokens are left out.
 *
 * @param spacing the punctuation spacing style
 */
public record WordDetokenizer(PunctuationSpacing spacing) {

    private static final Set<String> ATTACH_LEFT = Set.of(".", ",", ")", "]", "}", "%");
    private static final Set<String> ATTACH_LEFT_IN_ENGLISH = Set.of("!", "?", ";", ":", "»");
    private static final Set<String> ATTACH_RIGHT = Set.of("(", "[", "{", "¿", "¡");
    private static final Set<String> CURRENCIES = Set.of("$", "£", "€", "¥");

    /** Rejects a missing style. */
    public WordDetokenizer {
        if (spacing == null) {
            throw new IllegalArgumentException("spacing must be one of [english, french], got null");
        }
    }

    /**
     * @param tokens tokens, e.g. from {@link WordTokenizer#tokenize(String)} or decoded model output
     * @return the text
     */
    public String detokenize(List<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        StringBuilder text = new StringBuilder();
        boolean doubleQuoteOpen = false;
        boolean singleQuoteOpen = false;
        boolean previousGluesRight = true;
        String previous = null;
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            boolean gluesLeft;
            boolean gluesRight;
            if (token.equals("\"")) {
                gluesLeft = doubleQuoteOpen;
                gluesRight = !doubleQuoteOpen;
                doubleQuoteOpen = !doubleQuoteOpen;
            } else if (token.equals("'")) {
                boolean closing = singleQuoteOpen || (previous != null && endsWithLetterS(previous));
                gluesLeft = closing && (previous == null || !WordTokenizer.isElidedWord(previous));
                gluesRight = !closing;
                singleQuoteOpen = !closing;
            } else {
                gluesLeft = attachesLeft(token) && !(isDotRun(token) && previous != null && isDotRun(previous));
                gluesRight = attachesRight(token);
            }
            boolean currencyBeforeNumber = previous != null && CURRENCIES.contains(previous)
                    && Character.isDigit(token.codePointAt(0));
            if (previous != null && !previousGluesRight && !gluesLeft && !currencyBeforeNumber) {
                text.append(' ');
            }
            text.append(token);
            previousGluesRight = gluesRight;
            previous = token;
        }
        return text.toString();
    }

    private boolean attachesLeft(String token) {
        if (ATTACH_LEFT.contains(token) || isDotRun(token) || isClitic(token)) {
            return true;
        }
        return spacing == PunctuationSpacing.ENGLISH && ATTACH_LEFT_IN_ENGLISH.contains(token);
    }

    private boolean attachesRight(String token) {
        if (ATTACH_RIGHT.contains(token) || isElision(token)) {
            return true;
        }
        return spacing == PunctuationSpacing.ENGLISH && token.equals("«");
    }

    private static boolean isDotRun(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c == '.');
    }

    /** {@code 's}, {@code 're}, ... or {@code n't}: an apostrophe followed by word characters only. */
    private static boolean isClitic(String token) {
        if (token.equalsIgnoreCase("n't")) {
            return true;
        }
        return token.length() > 1 && token.charAt(0) == '\'' && allWordCharacters(token.substring(1));
    }

    /** {@code l'}, {@code qu'}, ...: word characters followed by one final apostrophe. */
    private static boolean isElision(String token) {
        return token.length() > 1 && token.charAt(token.length() - 1) == '\''
                && allWordCharacters(token.substring(0, token.length() - 1));
    }

    private static boolean allWordCharacters(String text) {
        return text.codePoints().allMatch(WordTokenizer::isWordCharacter);
    }

    private static boolean endsWithLetterS(String token) {
        char last = token.charAt(token.length() - 1);
        return last == 's' || last == 'S';
    }
}
