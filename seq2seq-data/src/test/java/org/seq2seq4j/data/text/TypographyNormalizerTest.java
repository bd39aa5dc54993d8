package org.seq2seq4j.data.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypographyNormalizerTest {

    @Test
    void turnsEveryKindOfSpaceIntoAnAsciiSpace() {
        assertEquals("a b c d e", TypographyNormalizer.normalize("a\u00A0b\u202Fc\u2009d\te"));
    }

    @Test
    void straightensCurlyQuotesButKeepsGuillemets() {
        assertEquals("'a' \"b\" \"c\" « d »", TypographyNormalizer.normalize("‘a’ “b” „c‟ « d »"));
    }

    @Test
    void removesFormatCharactersAndExpandsTheEllipsis() {
        assertEquals("ab...", TypographyNormalizer.normalize("\uFEFFa\u00ADb\u200B…"));
    }

    @Test
    void leavesLettersCaseAndOtherPunctuationAlone() {
        assertEquals("Ça va ? — Oui !", TypographyNormalizer.normalize("Ça va ? — Oui !"));
    }
}
