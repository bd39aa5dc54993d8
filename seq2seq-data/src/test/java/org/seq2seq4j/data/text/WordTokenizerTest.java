package org.seq2seq4j.data.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordTokenizerTest {

    private final WordTokenizer tokenizer = WordTokenizer.defaults();

    private List<String> tokens(String text) {
        return tokenizer.tokenize(text);
    }

    private static List<String> split(String spaceSeparated) {
        return Arrays.asList(spaceSeparated.split(" "));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Va !                 | Va !
            Va!                  | Va !
            Hello, world.        | Hello , world .
            Who?                 | Who ?
            (maybe)              | ( maybe )
            "Shut up," he said.  | " Shut up , " he said .
            He paid $10.         | He paid $ 10 .
            It's 99.9% sure.     | It 's 99.9 % sure .
            Un instant...        | Un instant ...
            Wait!?               | Wait ! ?
            """)
    void splitsPunctuationFromWords(String text, String expected) {
        assertEquals(split(expected), tokens(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3.5                  | 3.5
            1,000 yen            | 1,000 yen
            3,5 kg               | 3,5 kg
            at 2:30.             | at 2:30 .
            It costs 1,000.50.   | It costs 1,000.50 .
            8:30 a.m.            | 8:30 a.m .
            the U.S. army        | the U.S . army
            one, two             | one , two
            1, 2                 | 1 , 2
            R&B and AT&T         | R&B and AT&T
            9/11 or 1/2 km/h     | 9/11 or 1/2 km / h
            a & b                | a & b
            H₂O and 5 m²         | H₂O and 5 m²
            """)
    void keepsNumbersAndDottedAbbreviationsWhole(String text, String expected) {
        assertEquals(split(expected), tokens(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            l'homme              | l' homme
            L'homme              | L' homme
            qu'il                | qu' il
            Qu'est-ce que c'est? | Qu' est-ce que c' est ?
            jusqu'à              | jusqu' à
            J'ai                 | J' ai
            s'il te plaît        | s' il te plaît
            quelqu'un            | quelqu' un
            aujourd'hui          | aujourd'hui
            qu'aujourd'hui       | qu' aujourd'hui
            """)
    void splitsFrenchElisionsAfterTheApostrophe(String text, String expected) {
        assertEquals(split(expected), tokens(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            don't                | do n't
            Don't                | Do n't
            can't                | ca n't
            won't                | wo n't
            isn't                | is n't
            it's                 | it 's
            Tom's                | Tom 's
            I'm                  | I 'm
            you're               | you 're
            we've                | we 've
            he'll                | he 'll
            I'd                  | I 'd
            couldn't've          | could n't 've
            o'clock              | o'clock
            O'Neil               | O'Neil
            rock'n'roll          | rock'n'roll
            """)
    void splitsEnglishCliticsPennStyle(String text, String expected) {
        assertEquals(split(expected), tokens(text));
    }

    @Test
    void apostropheAfterAnElidedWordStaysWithItEvenBeforeASpace() {
        assertEquals(split("Il n' y avait personne ."), tokens("Il n' y avait personne."));
        assertEquals("Il n'y avait personne.", tokenizer.detokenize(tokens("Il n' y avait personne.")));
        assertEquals(split("jusqu' !"), tokens("jusqu'!"));
    }

    @Test
    void apostropheOutsideAWordIsPunctuation() {
        assertEquals(split("a boys ' club"), tokens("a boys' club"));
        assertEquals(split("' Tis true"), tokens("'Tis true"));
        assertEquals(split("' hi '"), tokens("'hi'"));
    }

    @Test
    void keepsHyphenatedWordsWhole() {
        assertEquals(split("Sommes-nous là-bas ? A-t-il quatre-vingt-dix-neuf ans ?"),
                tokens("Sommes-nous là-bas ? A-t-il quatre-vingt-dix-neuf ans ?"));
        assertEquals(split("- oui -"), tokens("-oui -"));
    }

    @Test
    void treatsNoBreakSpacesAsSpaces() {
        assertEquals(split("Cours !"), tokens("Cours\u202F!"));
        assertEquals(split("Qui ?"), tokens("Qui\u00A0?"));
        assertEquals(split("1 000 $"), tokens("1\u00A0000\u2009$"));
    }

    @Test
    void treatsCurlyApostrophesLikeStraightOnes() {
        assertEquals(tokens("J'ai l'idée, it's Tom's"), tokens("J’ai l’idée, it’s Tom‘s"));
        assertEquals(split("C' est très bon ."), tokens("C’est très bon."));
        assertEquals(split("do n't"), tokens("don’t"));
    }

    @Test
    void mapsCurlyDoubleQuotesToStraightAndKeepsGuillemets() {
        assertEquals(split("\" Hi \""), tokens("“Hi”"));
        assertEquals(split("« Non » , ça veut dire « non » ."), tokens("«\u00A0Non\u00A0», ça veut dire «\u00A0non\u00A0»."));
    }

    @Test
    void removesInvisibleFormatCharacters() {
        assertEquals(split("Hello world"), tokens("Hel\u00ADlo\u200B world\uFEFF"));
    }

    @Test
    void composesDecomposedAccents() {
        assertEquals(List.of("été"), tokens("e\u0301te\u0301"));
    }

    @Test
    void mapsTheEllipsisCharacterToFullStops() {
        assertEquals(split("Attends ..."), tokens("Attends…"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00A0\t\n", "\u200B"})
    void emptyOrBlankTextHasNoTokens(String text) {
        assertEquals(List.of(), tokens(text));
    }

    @Test
    void textOfOnlyPunctuationIsAllPunctuationTokens() {
        assertEquals(split("! ? ... , « »"), tokens("!?..., «»"));
        assertEquals(List.of("..."), tokens("..."));
    }

    @Test
    void lowercasesEveryTokenWhenAsked() {
        WordTokenizer lower = new WordTokenizer(true, PunctuationSpacing.ENGLISH);
        assertEquals(split("l' homme do n't é"), lower.tokenize("L'Homme DON'T É"));
    }

    @Test
    void neverProducesEmptyOrWhitespaceTokens() {
        for (String token : tokens(" \u00A0a ,, b\t'\u202F. \"\" ")) {
            assertEquals(token.strip(), token);
            assertEquals(false, token.isEmpty());
        }
    }

    @Test
    void detokenizesWithItsSpacingStyle() {
        WordTokenizer french = new WordTokenizer(false, PunctuationSpacing.FRENCH);
        assertEquals("Va !", french.detokenize(french.tokenize("Va\u202F!")));
        assertEquals("Va!", tokenizer.detokenize(tokenizer.tokenize("Va\u202F!")));
    }

    @Test
    void readsItsOptionsFromJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        WordTokenizer read = mapper.readValue("""
                {"lowercase": true, "spacing": "french"}""", WordTokenizer.class);
        assertEquals(new WordTokenizer(true, PunctuationSpacing.FRENCH), read);
        assertEquals("{\"lowercase\":true,\"spacing\":\"french\"}", mapper.writeValueAsString(read));
    }

    @Test
    void rejectsMissingSpacingListingTheChoices() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new WordTokenizer(false, null));
        assertEquals("spacing must be one of [english, french], got null", error.getMessage());
    }
}
