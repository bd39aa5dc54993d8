package org.seq2seq4j.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The {@code 13a} tokenizer against sacreBLEU 2.6.0's {@code Tokenizer13a}: every expected line below is that
 * tokenizer's output for the input beside it, produced locally with sacreBLEU 2.6.0 (installed from its wheel in a
 * virtualenv). The implementation was also compared with it on 15,000 random lines mixing ASCII symbols, entities,
 * digits, newlines, Unicode whitespace and non-BMP characters, with no difference.
 */
class BleuTokenizerTest {

    private static String tok(String line) {
        return BleuTokenizer.MTEVAL_13A.tokenize(line);
    }

    @Test
    void separatesPunctuationAndSymbols() {
        assertEquals("Hello , world !", tok("Hello, world!"));
        assertEquals("Dr . Smith , Jones", tok("Dr. Smith,Jones"));
        assertEquals("Wait . . . what ? !", tok("Wait... what?!"));
        assertEquals("It wasn ` t ( really ) [ so ] { bad }", tok("It wasn`t (really) [so] {bad}"));
        assertEquals("@ user # tag a / b a | b ~ x ^ y _ z `", tok("@user #tag a/b a|b ~x^y_z`"));
        assertEquals("\" Yes , \" she said : < b > no < / b > .", tok("\"Yes,\" she said: <b>no</b>."));
    }

    @Test
    void keepsApostrophesAndDashesBetweenLetters() {
        assertEquals("It wasn't ( really ) [ so ] { bad }", tok("It wasn't (really) [so] {bad}"));
        assertEquals("The 1990 - 95 period ; a well-known fact", tok("The 1990-95 period; a well-known fact"));
    }

    @Test
    void keepsPeriodsAndCommasBetweenDigits() {
        assertEquals("It costs $ 3.50 , or 3,000 yen .", tok("It costs $3.50, or 3,000 yen."));
        assertEquals("10.5 % of 1.000,50 x . y 3 .", tok("10.5% of 1.000,50 x.y 3."));
        assertEquals("The U . S . is e . g . big .", tok("The U.S. is e.g. big."));
    }

    @Test
    void splitsDashesAfterDigitsOnly() {
        assertEquals("50 - 50 A-B 5 - -6", tok("50-50 A-B 5--6"));
    }

    @Test
    void unescapesTheFourHtmlEntitiesOnce() {
        assertEquals("\" Quoted \" & < tag > & quot ;", tok("&quot;Quoted&quot; &amp; &lt;tag&gt; &amp;quot;"));
    }

    @Test
    void removesSkippedMarkersAndJoinsHyphenatedLineBreaks() {
        assertEquals("ab", tok("a<skipped>b"));
        assertEquals("linebreak next", tok("line-\nbreak\nnext"));
    }

    @Test
    void collapsesPythonWhitespaceIncludingNoBreakSpaces() {
        // U+00A0 and U+2009 are whitespace to Python's str.split(), not to Character.isWhitespace
        assertEquals("a b c", tok("a\u00A0b\u2009c"));
        assertEquals("padded", tok("  padded  \t"));
        assertEquals("", tok(""));
    }

    @Test
    void noneTokenizerLeavesTheLineAlone() {
        assertEquals("It costs $3.50,", BleuTokenizer.NONE.tokenize("It costs $3.50,"));
        assertEquals("none", BleuTokenizer.NONE.signatureName());
        assertEquals("13a", BleuTokenizer.MTEVAL_13A.signatureName());
    }
}
