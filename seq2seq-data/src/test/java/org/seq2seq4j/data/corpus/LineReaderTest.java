package org.seq2seq4j.data.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seq2seq4j.data.corpus.CorpusFixtures.bytes;

class LineReaderTest {

    @TempDir
    Path directory;

    private List<TextLine> lines(Path file) throws IOException {
        List<TextLine> lines = new ArrayList<>();
        try (LineReader reader = LineReader.open(file)) {
            for (TextLine line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private List<String> texts(Path file) throws IOException {
        return lines(file).stream().map(TextLine::text).toList();
    }

    @Test
    void readsLinesWithoutTerminators() throws IOException {
        assertEquals(List.of("a", "", "b c"), texts(CorpusFixtures.write(directory.resolve("f"), "a\n\nb c\n")));
    }

    @Test
    void readsAFinalLineWithoutNewline() throws IOException {
        assertEquals(List.of("a", "b"), texts(CorpusFixtures.write(directory.resolve("f"), "a\nb")));
    }

    @Test
    void emptyFileHasNoLines() throws IOException {
        assertEquals(List.of(), texts(CorpusFixtures.write(directory.resolve("f"), "")));
    }

    @Test
    void dropsCarriageReturnsOfCrlfLinesAndALeadingByteOrderMark() throws IOException {
        assertEquals(List.of("a", "b"), texts(CorpusFixtures.write(directory.resolve("f"), "\uFEFFa\r\nb\r\n")));
    }

    @Test
    void numbersLinesFromOne() throws IOException {
        List<TextLine> lines = lines(CorpusFixtures.write(directory.resolve("f"), "x\ny\n"));
        assertEquals(List.of(1L, 2L), lines.stream().map(TextLine::number).toList());
    }

    @Test
    void detectsGzipByMagicBytesNotByName() throws IOException {
        Path disguised = CorpusFixtures.writeGzip(directory.resolve("corpus.txt"), "Go.\tVa !\n");
        assertEquals(List.of("Go.\tVa !"), texts(disguised));
        Path plainNamedGz = CorpusFixtures.write(directory.resolve("plain.gz"), "Hi.\tSalut !\n");
        assertEquals(List.of("Hi.\tSalut !"), texts(plainNamedGz));
    }

    @Test
    void readsConcatenatedGzipMembers() throws IOException {
        Path file = directory.resolve("two.gz");
        Files.write(file, bytes(CorpusFixtures.gzip(bytes("a\n")), CorpusFixtures.gzip(bytes("b\n"))));
        assertEquals(List.of("a", "b"), texts(file));
    }

    @Test
    void readsLinesLongerThanTheBuffer() throws IOException {
        String longLine = "x".repeat(200_000);
        assertEquals(List.of(longLine, "y"), texts(CorpusFixtures.write(directory.resolve("f"), longLine + "\ny")));
    }

    @Test
    void reportsMalformedUtf8AndGoesOnWithTheNextLine() throws IOException {
        Path file = directory.resolve("latin1");
        Files.write(file, bytes("caf", CorpusFixtures.LATIN1_E_ACUTE, "\tx\nok\n"));
        List<TextLine> lines = lines(file);
        assertTrue(lines.get(0).malformed());
        assertEquals("malformed UTF-8 byte 0xE9 at byte 4 of the line", lines.get(0).encodingError());
        assertEquals("caf\uFFFD\tx", lines.get(0).text(), "structure is kept for the caller");
        assertFalse(lines.get(1).malformed());
        assertEquals("ok", lines.get(1).text());
    }

    @Test
    void rejectsEncodedSurrogatesAndTruncatedSequences() throws IOException {
        Path file = directory.resolve("bad");
        Files.write(file, bytes(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\n", "ab",
                new byte[]{(byte) 0xC3}, "\n"));
        List<TextLine> lines = lines(file);
        assertTrue(lines.get(0).malformed());
        assertTrue(lines.get(1).malformed());
        assertEquals("malformed UTF-8 byte 0xC3 at byte 3 of the line", lines.get(1).encodingError());
    }

    @Test
    void acceptsMultiByteCharactersAcrossBufferBoundaries() throws IOException {
        String text = "é".repeat(70_000) + "\n€\n";
        assertEquals(List.of("é".repeat(70_000), "€"), texts(CorpusFixtures.write(directory.resolve("f"), text)));
    }

    @Test
    void corruptGzipFailsNamingTheFile() throws IOException {
        Path file = directory.resolve("broken.gz");
        byte[] gzip = CorpusFixtures.gzip(bytes("a line that is long enough to be compressed\n".repeat(50)));
        Files.write(file, java.util.Arrays.copyOf(gzip, gzip.length / 2));
        IOException error = assertThrows(IOException.class, () -> lines(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void endOfFileIsStable() throws IOException {
        try (LineReader reader = LineReader.open(CorpusFixtures.write(directory.resolve("f"), "a\n"))) {
            reader.next();
            assertNull(reader.next());
            assertNull(reader.next());
            assertEquals(1, reader.linesRead());
        }
    }
}
