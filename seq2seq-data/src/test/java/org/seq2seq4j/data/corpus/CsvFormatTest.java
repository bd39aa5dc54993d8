package org.seq2seq4j.data.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seq2seq4j.data.corpus.CorpusFixtures.bytes;
import static org.seq2seq4j.data.corpus.CorpusFixtures.readAll;

class CsvFormatTest {

    @TempDir
    Path directory;

    private CsvFormat csv(String content, BadInputPolicy policy) throws IOException {
        return new CsvFormat(CorpusFixtures.write(directory.resolve("pairs.csv"), content), "en", "fr", policy);
    }

    @Test
    void choosesColumnsByHeaderNameAndIgnoresOthers() throws IOException {
        CsvFormat format = csv("id,fr,en\n1,Va !,Go.\n2,Salut !,Hi.\n", BadInputPolicy.ERROR);
        assertEquals(List.of(new TextPair("Go.", "Va !", 2), new TextPair("Hi.", "Salut !", 3)), readAll(format));
    }

    @Test
    void matchesHeaderNamesAfterStrippingSpaces() throws IOException {
        CsvFormat format = new CsvFormat(CorpusFixtures.write(directory.resolve("p.csv"), "\uFEFF en , fr \nGo.,Va !\n"),
                " en", "fr ", BadInputPolicy.ERROR);
        assertEquals(List.of(new TextPair("Go.", "Va !", 2)), readAll(format));
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() throws IOException {
        CsvFormat format = csv("en,fr\n\"Hello, world.\",\"Il a dit \"\"non\"\".\"\n", BadInputPolicy.ERROR);
        assertEquals(List.of(new TextPair("Hello, world.", "Il a dit \"non\".", 2)), readAll(format));
    }

    @Test
    void quotedFieldsMaySpanLinesAndLaterRecordsKeepTheirLineNumbers() throws IOException {
        CsvFormat format = csv("en,fr\n\"Two\r\nlines.\",\"Deux\nlignes.\"\nGo.,Va !\n", BadInputPolicy.ERROR);
        assertEquals(List.of(new TextPair("Two\nlines.", "Deux\nlignes.", 2), new TextPair("Go.", "Va !", 5)),
                readAll(format));
    }

    @Test
    void keepsAQuoteInsideAnUnquotedFieldLiterally() throws IOException {
        assertEquals(List.of(new TextPair("5\" tall", "1,5 m", 2)),
                readAll(csv("en,fr\n5\" tall,\"1,5 m\"\n", BadInputPolicy.ERROR)));
    }

    @Test
    void emptyFileIsAnErrorUnderEveryPolicy() throws IOException {
        CorpusReadException error = assertThrows(CorpusReadException.class, () -> csv("", BadInputPolicy.SKIP).open());
        assertEquals(BadInputKind.BAD_HEADER, error.kind());
        assertTrue(error.getMessage().endsWith(":1: the file is empty; expected a header row naming the columns 'en'"
                + " and 'fr'"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BadInputPolicy.class)
    void headerWithoutANamedColumnIsAnErrorListingTheColumns(BadInputPolicy policy) throws IOException {
        CsvFormat format = csv("english,fr\nGo.,Va !\n", policy);
        CorpusReadException error = assertThrows(CorpusReadException.class, format::open);
        assertEquals(format.file() + ":1: the header has no column named 'en' (sourceColumn); its columns are"
                + " [english, fr]", error.getMessage());
        assertEquals(BadInputKind.BAD_HEADER, error.kind());
    }

    @Test
    void headerNamingAColumnTwiceIsAnError() throws IOException {
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> csv("en,fr,fr\nGo.,Va !,Va\n", BadInputPolicy.SKIP).open());
        assertTrue(error.getMessage().endsWith(":1: the header names column 'fr' (targetColumn) more than once, as"
                + " fields 2 and 3"), error.getMessage());
    }

    @Test
    void recordWithTooFewFieldsFailsUnderErrorAndIsCountedUnderSkip() throws IOException {
        String content = "fr,x,en\nVa !,1,Go.\nSalut !,2\nQui ?,3,Who?\n";
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(csv(content, BadInputPolicy.ERROR)));
        assertEquals(directory.resolve("pairs.csv") + ":3: the record has 2 fields, but column 'en' is field 3 and"
                + " column 'fr' is field 1 (set onBadInput to \"skip\" to drop such lines and count them)",
                error.getMessage());
        CsvFormat skipping = csv(content, BadInputPolicy.SKIP);
        assertEquals(List.of(new TextPair("Go.", "Va !", 2), new TextPair("Who?", "Qui ?", 4)), readAll(skipping));
        assertEquals(1, CorpusFixtures.statistics(skipping).skipped(BadInputKind.MISSING_COLUMN));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws IOException {
        String content = "en,fr\n\"Go\"!,Va !\nHi.,Salut !\n";
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(csv(content, BadInputPolicy.ERROR)));
        assertEquals(BadInputKind.MALFORMED_CSV, error.kind());
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("field 1 has text after its closing quote, starting with '!' on line 2"),
                error.getMessage());
        assertEquals(List.of(new TextPair("Hi.", "Salut !", 3)), readAll(csv(content, BadInputPolicy.SKIP)));
    }

    @Test
    void quoteNeverClosedIsMalformedAtTheLineWhereTheRecordStarts() throws IOException {
        String content = "en,fr\nGo.,Va !\nHi.,\"Salut !\nWho?,Qui ?\n";
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(csv(content, BadInputPolicy.ERROR)));
        assertEquals(3, error.line());
        assertTrue(error.getMessage().contains("field 2 opens a quote that is never closed before the end of the file"),
                error.getMessage());
        CsvFormat skipping = csv(content, BadInputPolicy.SKIP);
        assertEquals(List.of(new TextPair("Go.", "Va !", 2)), readAll(skipping));
        assertEquals(1, CorpusFixtures.statistics(skipping).skipped(BadInputKind.MALFORMED_CSV));
    }

    @Test
    void emptySourceAndTargetFieldsAreBadInput() throws IOException {
        String content = "en,fr\n,Va !\nHi.,\"  \"\nWho?,Qui ?\n";
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(csv(content, BadInputPolicy.ERROR)));
        assertTrue(error.getMessage().contains(":2: the source (column 'en') is empty"), error.getMessage());
        ReadStatistics statistics = CorpusFixtures.statistics(csv(content, BadInputPolicy.SKIP));
        assertEquals(1, statistics.pairs());
        assertEquals(1, statistics.skipped(BadInputKind.EMPTY_SOURCE));
        assertEquals(1, statistics.skipped(BadInputKind.EMPTY_TARGET));
    }

    @Test
    void invalidUtf8InsideAMultiLineRecordSkipsTheWholeRecordAndFindsTheNext() throws IOException {
        Path file = directory.resolve("latin1.csv");
        Files.write(file, bytes("en,fr\n\"Coffee\nplease.\",\"Caf", CorpusFixtures.LATIN1_E_ACUTE,
                "\ns'il vous pla\u00eet.\"\nGo.,Va !\n"));
        CsvFormat format = new CsvFormat(file, "en", "fr", BadInputPolicy.ERROR);
        CorpusReadException error = assertThrows(CorpusReadException.class, () -> readAll(format));
        assertEquals(file + ":2: invalid UTF-8 on line 3: malformed UTF-8 byte 0xE9 at byte 14 of the line (set"
                + " onBadInput to \"skip\" to drop such lines and count them)", error.getMessage());
        assertEquals(List.of(new TextPair("Go.", "Va !", 5)),
                readAll(new CsvFormat(file, "en", "fr", BadInputPolicy.SKIP)));
    }

    @Test
    void readsGzippedCsv() throws IOException {
        Path file = CorpusFixtures.writeGzip(directory.resolve("pairs.csv.gz"), "en,fr\nGo.,Va !\n");
        assertEquals(List.of(new TextPair("Go.", "Va !", 2)),
                readAll(new CsvFormat(file, "en", "fr", BadInputPolicy.ERROR)));
    }
}
