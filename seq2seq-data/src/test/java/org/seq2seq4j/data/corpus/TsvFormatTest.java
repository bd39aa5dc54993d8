package org.seq2seq4j.data.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seq2seq4j.data.corpus.CorpusFixtures.bytes;
import static org.seq2seq4j.data.corpus.CorpusFixtures.readAll;

class TsvFormatTest {

    private static final String ANKI = """
            Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) & #1158250 (Wittydev)
            Run!\tCours !\tCC-BY 2.0 (France) Attribution: tatoeba.org #906328 (papabear)
            Who?\tQui ?
            """;

    @TempDir
    Path directory;

    private TsvFormat tsv(Path file, BadInputPolicy policy) {
        return new TsvFormat(file, 0, 1, policy);
    }

    @Test
    void readsSourceAndTargetColumnsIgnoringExtraColumns() throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("fra.txt"), ANKI);
        assertEquals(List.of(new TextPair("Go.", "Va !", 1), new TextPair("Run!", "Cours !", 2),
                new TextPair("Who?", "Qui ?", 3)), readAll(tsv(file, BadInputPolicy.ERROR)));
    }

    @Test
    void swappedColumnsReverseTheDirection() throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("fra.txt"), ANKI);
        assertEquals(new TextPair("Va !", "Go.", 1),
                readAll(new TsvFormat(file, 1, 0, BadInputPolicy.ERROR)).get(0));
    }

    @Test
    void readsGzipTransparently() throws IOException {
        Path plain = CorpusFixtures.write(directory.resolve("fra.txt"), ANKI);
        Path gzip = CorpusFixtures.writeGzip(directory.resolve("fra.txt.gz"), ANKI);
        assertEquals(readAll(tsv(plain, BadInputPolicy.ERROR)), readAll(tsv(gzip, BadInputPolicy.ERROR)));
    }

    @Test
    void countsPairsWhenNothingIsSkipped() throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("fra.txt"), ANKI);
        ReadStatistics statistics = CorpusFixtures.statistics(tsv(file, BadInputPolicy.ERROR));
        assertEquals(3, statistics.pairs());
        assertEquals(0, statistics.totalSkipped());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MISSING_COLUMN | no tab here      | the line has 1 tab-separated column, but sourceColumn 0 and targetColumn 1 (0-based) need at least 2
            MISSING_COLUMN | ''               | the line is empty, but sourceColumn 0 and targetColumn 1 (0-based) need at least 2
            EMPTY_SOURCE   | '\u00A0 \tVa !'  | the source (column 0) is empty
            EMPTY_TARGET   | 'Go.\t'          | the target (column 1) is empty
            EMPTY_TARGET   | 'Go.\t\u200B'    | the target (column 1) is empty
            """)
    void badLineFailsNamingFileLineAndProblemUnderError(BadInputKind kind, String badLine, String problem)
            throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("bad.tsv"),
                "Hi.\tSalut.\n" + unescape(badLine) + "\nWho?\tQui ?\n");
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(tsv(file, BadInputPolicy.ERROR)));
        assertEquals(file + ":2: " + problem + " (set onBadInput to \"skip\" to drop such lines and count them)",
                error.getMessage());
        assertEquals(file, error.file());
        assertEquals(2, error.line());
        assertEquals(kind, error.kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MISSING_COLUMN | no tab here
            MISSING_COLUMN | ''
            EMPTY_SOURCE   | '\u00A0 \tVa !'
            EMPTY_TARGET   | 'Go.\t'
            """)
    void badLineIsSkippedAndCountedUnderSkip(BadInputKind kind, String badLine) throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("bad.tsv"),
                "Hi.\tSalut.\n" + unescape(badLine) + "\nWho?\tQui ?\n");
        try (TextPairReader reader = tsv(file, BadInputPolicy.SKIP).open()) {
            assertEquals(new TextPair("Hi.", "Salut.", 1), reader.next());
            assertEquals(new TextPair("Who?", "Qui ?", 3), reader.next());
            assertEquals(false, reader.hasNext());
            assertEquals(2, reader.statistics().pairs());
            assertEquals(1, reader.statistics().skipped(kind));
            assertEquals(1, reader.statistics().totalSkipped());
        }
    }

    @Test
    void invalidUtf8FailsUnderErrorAndIsCountedUnderSkip() throws IOException {
        Path file = directory.resolve("latin1.tsv");
        Files.write(file, bytes("Hi.\tSalut.\nCoffee.\tCaf", CorpusFixtures.LATIN1_E_ACUTE, ".\nWho?\tQui ?\n"));
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(tsv(file, BadInputPolicy.ERROR)));
        assertEquals(file + ":2: invalid UTF-8: malformed UTF-8 byte 0xE9 at byte 12 of the line"
                + " (set onBadInput to \"skip\" to drop such lines and count them)", error.getMessage());
        assertEquals(BadInputKind.INVALID_UTF8, error.kind());

        assertEquals(List.of(new TextPair("Hi.", "Salut.", 1), new TextPair("Who?", "Qui ?", 3)),
                readAll(tsv(file, BadInputPolicy.SKIP)));
        assertEquals(1, CorpusFixtures.statistics(tsv(file, BadInputPolicy.SKIP)).skipped(BadInputKind.INVALID_UTF8));
    }

    @Test
    void countsEachSkippedLineOnceUnderItsFirstProblem() throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("bad.tsv"), "\t\nx\n\n a\t \nGo.\tVa !\n");
        ReadStatistics statistics = CorpusFixtures.statistics(tsv(file, BadInputPolicy.SKIP));
        assertEquals(1, statistics.pairs());
        assertEquals(Map.of(BadInputKind.INVALID_UTF8, 0L, BadInputKind.MISSING_COLUMN, 2L,
                BadInputKind.MALFORMED_CSV, 0L, BadInputKind.EMPTY_SOURCE, 1L, BadInputKind.EMPTY_TARGET, 1L),
                statistics.skipped());
    }

    @Test
    void keepsTheTextOfEachColumnAsIs() throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("raw.tsv"), " Run! \tCours\u202F!\r\n");
        assertEquals(List.of(new TextPair(" Run! ", "Cours\u202F!", 1)), readAll(tsv(file, BadInputPolicy.ERROR)));
    }

    @Test
    void missingFileFailsOnOpen() {
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> tsv(directory.resolve("missing.tsv"), BadInputPolicy.ERROR).open());
    }

    private static String unescape(String text) {
        return text.replace("\\t", "\t");
    }
}
