package org.seq2seq4j.data.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordDetokenizerTest {

    private final WordTokenizer english = new WordTokenizer(false, PunctuationSpacing.ENGLISH);
    private final WordTokenizer french = new WordTokenizer(false, PunctuationSpacing.FRENCH);

    private static List<String> split(String spaceSeparated) {
        return Arrays.asList(spaceSeparated.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Go.",
            "Hello, world.",
            "I don't think it's Tom's car.",
            "We can't leave until 2:30, can we?",
            "He gave me $10,000 and 3.5 kg of rice.",
            "\"Shut up,\" he whispered.",
            "It's a boys' club (a small one).",
            "She said: \"I'd've come if you'd asked.\"",
            "Wait... what?!",
            "It's 99.9% effective; we left at 8:30 a.m.",
            "Draw me a sheep...",
            "'Tis the season.",
    })
    void englishSentencesSurviveTheRoundTripExactly(String sentence) {
        assertEquals(sentence, english.detokenize(english.tokenize(sentence)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Va !",
            "Qu'est-ce que c'est ?",
            "J'ai l'impression qu'il viendra aujourd'hui.",
            "Dis : « s'il te plaît ».",
            "« Non », ça veut dire « non ».",
            "Nous avons estimé les dommages à 1 000 $.",
            "Il fait 3,5 degrés ; c'est peu.",
            "Puis-je entrer ? Oui, bien sûr !",
            "Arrête de faire de la lèche à la prof !",
            "Étudiez dur, et vous réussirez.",
    })
    void frenchSentencesSurviveTheRoundTripExactlyWithFrenchSpacing(String sentence) {
        assertEquals(sentence, french.detokenize(french.tokenize(sentence)));
    }

    @Test
    void frenchRoundTripReplacesNoBreakSpacesAndCurlyApostrophes() {
        assertEquals("J'ai une réunion à 14 h 30 ! C'est « urgent » ?",
                french.detokenize(french.tokenize("J’ai une réunion à 14\u00A0h\u00A030\u202F! C’est «\u00A0urgent\u00A0»\u202F?")));
    }

    @Test
    void englishSpacingAttachesFrenchPunctuation() {
        assertEquals("Va! Qui? «Non»: non;", english.detokenize(split("Va ! Qui ? « Non » : non ;")));
    }

    @Test
    void frenchSpacingKeepsOnlyTheFrenchSpaces() {
        assertEquals("Non, merci. Va ! « Oui » ; (peut-être) 50%", french.detokenize(
                split("Non , merci . Va ! « Oui » ; ( peut-être ) 50 %")));
    }

    @Test
    void reattachesPennClitics() {
        assertEquals("I don't know what he'd've done, can't say.",
                english.detokenize(split("I do n't know what he 'd 've done , ca n't say .")));
    }

    @Test
    void doubleQuotesAlternateBetweenOpeningAndClosing() {
        assertEquals("He said \"yes\" and \"no\".", english.detokenize(split("He said \" yes \" and \" no \" .")));
    }

    @Test
    void currencyAttachesOnlyToAFollowingNumber() {
        assertEquals("$5 and 1 000 $.", english.detokenize(split("$ 5 and 1 000 $ .")));
    }

    @Test
    void twoRunsOfFullStopsStaySeparate() {
        List<String> tokens = split("a . ...");
        assertEquals("a. ...", english.detokenize(tokens));
        assertEquals(tokens, english.tokenize(english.detokenize(tokens)));
    }

    @Test
    void emptyTokenListGivesEmptyText() {
        assertEquals("", english.detokenize(List.of()));
        assertEquals("a", english.detokenize(List.of("", "a", "")));
    }

    @Test
    void acceptsModelOutputWithUnknownTokens() {
        assertEquals("Le <unk> est là.", french.detokenize(split("Le <unk> est là .")));
    }

    /**
     * {@code tokenize(detokenize(tokenize(s))) == tokenize(s)} on random strings over an alphabet rich in the
     * characters the rules treat specially, in both spacing styles and with lowercasing.
     */
    @Test
    void retokenizingDetokenizedTextGivesTheSameTokens() {
        String alphabet = "ans tlqudN'’.,:;!?\"«»()$%-1 0  \u00A0\u202F…&/";
        Random random = new Random(7);
        for (WordTokenizer tokenizer : List.of(english, french, new WordTokenizer(true, PunctuationSpacing.FRENCH))) {
            for (int sample = 0; sample < 30_000; sample++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(20);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                List<String> tokens = tokenizer.tokenize(text.toString());
                String detokenized = tokenizer.detokenize(tokens);
                assertEquals(tokens, tokenizer.tokenize(detokenized),
                        () -> "text [" + text + "] -> " + tokens + " -> [" + detokenized + "]");
            }
        }
    }
}
