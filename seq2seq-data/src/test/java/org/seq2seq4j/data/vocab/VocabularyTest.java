package org.seq2seq4j.data.vocab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {

    /** Frequencies: b=3, a=2, c=2, d=1. */
    private static final List<List<String>> SEQUENCES = List.of(
            List.of("b", "a", "c"),
            List.of("b", "c", "d"),
            List.of("a", "b"));

    @Test
    void specialTokensHaveFixedIds() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 1);
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>"), vocabulary.tokens().subList(0, 4));
        assertEquals(0, vocabulary.id("<pad>"));
        assertEquals(1, vocabulary.id("<s>"));
        assertEquals(2, vocabulary.id("</s>"));
        assertEquals(3, vocabulary.id("<unk>"));
        assertEquals(List.of(Vocabulary.PAD_TOKEN, Vocabulary.BOS_TOKEN, Vocabulary.EOS_TOKEN, Vocabulary.UNK_TOKEN),
                List.of(vocabulary.token(Vocabulary.PAD), vocabulary.token(Vocabulary.BOS),
                        vocabulary.token(Vocabulary.EOS), vocabulary.token(Vocabulary.UNK)));
    }

    @Test
    void ordersByFrequencyThenTokenString() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 1);
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "b", "a", "c", "d"), vocabulary.tokens());
    }

    @Test
    void orderDoesNotDependOnInputOrder() {
        List<List<String>> reordered = List.of(List.of("d", "c", "b"), List.of("a", "b"), List.of("c", "b", "a"));
        assertEquals(Vocabulary.build(SEQUENCES, 100, 1), Vocabulary.build(reordered, 100, 1));
    }

    @Test
    void dropsTokensBelowMinimumFrequency() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 2);
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "b", "a", "c"), vocabulary.tokens());
        assertFalse(vocabulary.contains("d"));
    }

    @Test
    void maxSizeCountsTheSpecialTokens() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 6, 1);
        assertEquals(6, vocabulary.size());
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "b", "a"), vocabulary.tokens());
        assertEquals(4, Vocabulary.build(SEQUENCES, 4, 1).size());
    }

    @Test
    void specialTokenStringsInTheDataAreNotDuplicated() {
        Vocabulary vocabulary = Vocabulary.build(List.of(List.of("<unk>", "x", "</s>", "<unk>")), 100, 1);
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "x"), vocabulary.tokens());
    }

    @Test
    void rejectsMaxSizeTooSmallForTheSpecialTokens() {
        VocabularyException error = assertThrows(VocabularyException.class, () -> Vocabulary.build(SEQUENCES, 0, 1));
        assertEquals("maxSize must be at least 4 (it counts the special tokens [<pad>, <s>, </s>, <unk>]), got 0",
                error.getMessage());
        assertThrows(VocabularyException.class, () -> Vocabulary.build(SEQUENCES, 3, 1));
    }

    @Test
    void rejectsMinFrequencyBelowOne() {
        VocabularyException error = assertThrows(VocabularyException.class, () -> Vocabulary.build(SEQUENCES, 10, 0));
        assertEquals("minFrequency must be at least 1, got 0", error.getMessage());
    }

    @Test
    void unknownTokensMapToUnk() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 1);
        assertEquals(Vocabulary.UNK, vocabulary.id("zebra"));
        assertArrayEquals(new int[]{4, 3, 5}, vocabulary.encode(List.of("b", "zebra", "a")));
    }

    @Test
    void encodeAddsNoBoundaryTokens() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 1);
        assertArrayEquals(new int[]{5, 4}, vocabulary.encode(List.of("a", "b")));
        assertArrayEquals(new int[0], vocabulary.encode(List.of()));
    }

    @Test
    void decodeStopsAtFirstEosAndSkipsPadAndBos() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 1);
        int[] ids = {Vocabulary.BOS, 4, Vocabulary.PAD, 3, 5, Vocabulary.EOS, 6, Vocabulary.EOS, Vocabulary.PAD};
        assertEquals(List.of("b", "<unk>", "a"), vocabulary.decode(ids));
    }

    @Test
    void decodeInvertsEncodeForKnownTokens() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 1);
        List<String> tokens = List.of("d", "a", "c", "b");
        assertEquals(tokens, vocabulary.decode(vocabulary.encode(tokens)));
    }

    @Test
    void tokenOutOfRangeNamesIdAndSize() {
        Vocabulary vocabulary = Vocabulary.build(SEQUENCES, 100, 1);
        VocabularyException error = assertThrows(VocabularyException.class, () -> vocabulary.token(8));
        assertEquals("id 8 is outside this vocabulary of size 8 (valid ids are 0..7)", error.getMessage());
        assertThrows(VocabularyException.class, () -> vocabulary.token(-1));
        assertThrows(VocabularyException.class, () -> vocabulary.decode(new int[]{4, 99}));
    }

    @Test
    void ofRequiresSpecialTokensFirst() {
        VocabularyException error = assertThrows(VocabularyException.class,
                () -> Vocabulary.of(List.of("<s>", "<pad>", "</s>", "<unk>", "a")));
        assertTrue(error.getMessage().contains("must start with the special tokens [<pad>, <s>, </s>, <unk>]"),
                error.getMessage());
        assertThrows(VocabularyException.class, () -> Vocabulary.of(List.of("<pad>", "<s>")));
    }

    @Test
    void ofRejectsDuplicateTokens() {
        VocabularyException error = assertThrows(VocabularyException.class,
                () -> Vocabulary.of(List.of("<pad>", "<s>", "</s>", "<unk>", "a", "b", "a")));
        assertEquals("token 'a' appears twice, at ids 4 and 6", error.getMessage());
    }

    @Test
    void equalityIsByTokenList() {
        Vocabulary built = Vocabulary.build(SEQUENCES, 100, 1);
        Vocabulary listed = Vocabulary.of(List.of("<pad>", "<s>", "</s>", "<unk>", "b", "a", "c", "d"));
        assertEquals(built, listed);
        assertEquals(built.hashCode(), listed.hashCode());
        assertNotEquals(built, Vocabulary.build(SEQUENCES, 5, 1));
    }

    @Test
    void saveThenLoadGivesAnEqualVocabulary(@TempDir Path directory) throws IOException {
        Vocabulary vocabulary = Vocabulary.build(List.of(List.of("一", "百", "\"quoted\"", "a b")), 100, 1);
        Path file = directory.resolve("nested/vocab.json");
        vocabulary.save(file);
        assertEquals(vocabulary, Vocabulary.load(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file may be left behind");
        }
    }

    @Test
    void saveReplacesAnExistingFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("vocab.json");
        Vocabulary.build(SEQUENCES, 100, 1).save(file);
        Vocabulary smaller = Vocabulary.build(SEQUENCES, 5, 1);
        smaller.save(file);
        assertEquals(smaller, Vocabulary.load(file));
    }

    @Test
    void savedFileHasSchemaAndTokens(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("vocab.json");
        Vocabulary.of(List.of("<pad>", "<s>", "</s>", "<unk>", "x")).save(file);
        String json = Files.readString(file).replaceAll("\\s", "");
        assertEquals("{\"schema\":1,\"tokens\":[\"<pad>\",\"<s>\",\"</s>\",\"<unk>\",\"x\"]}", json);
    }

    @Test
    void loadOfCorruptFileNamesTheFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.json");
        Files.writeString(file, "{\"schema\":1,\"tokens\":[\"<pad>\",");
        VocabularyException error = assertThrows(VocabularyException.class, () -> Vocabulary.load(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void loadRejectsWrongSchemaVersion(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("future.json");
        Files.writeString(file, """
                {"schema": 2, "tokens": ["<pad>", "<s>", "</s>", "<unk>"]}
                """);
        VocabularyException error = assertThrows(VocabularyException.class, () -> Vocabulary.load(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("schema 2 is not supported"), error.getMessage());
    }

    @Test
    void loadRejectsTokenListWithoutSpecialsNamingTheFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("nospecials.json");
        Files.writeString(file, """
                {"schema": 1, "tokens": ["a", "b"]}
                """);
        VocabularyException error = assertThrows(VocabularyException.class, () -> Vocabulary.load(file));
        assertTrue(error.getMessage().startsWith("vocabulary file " + file + " is invalid: "), error.getMessage());
    }

    @Test
    void loadOfMissingFileNamesTheFile(@TempDir Path directory) {
        Path file = directory.resolve("absent.json");
        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> Vocabulary.load(file));
        assertTrue(error.getMessage().contains("absent.json"), error.getMessage());
    }
}
