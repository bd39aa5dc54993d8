package org.seq2seq4j.data.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seq2seq4j.data.corpus.CorpusFixtures.bytes;
import static org.seq2seq4j.data.corpus.CorpusFixtures.readAll;

class ParallelFormatTest {

    @TempDir
    Path directory;

    private Path german;
    private Path english;

    private ParallelFormat parallel(BadInputPolicy policy) {
        return new ParallelFormat(german, english, policy);
    }

    private void write(String de, String en) throws IOException {
        german = CorpusFixtures.write(directory.resolve("train.de"), de);
        english = CorpusFixtures.write(directory.resolve("train.en"), en);
    }

    @Test
    void pairsLinesWithTheSameNumber() throws IOException {
        write("Hallo Welt.\nDanke!\n", "Hello world.\nThanks!\n");
        assertEquals(List.of(new TextPair("Hallo Welt.", "Hello world.", 1), new TextPair("Danke!", "Thanks!", 2)),
                readAll(parallel(BadInputPolicy.ERROR)));
    }

    @Test
    void readsAGzippedFileBesideAPlainOne() throws IOException {
        write("Hallo.\n", "Hello.\n");
        english = CorpusFixtures.writeGzip(directory.resolve("train.en.gz"), "Hello.\n");
        assertEquals(List.of(new TextPair("Hallo.", "Hello.", 1)), readAll(parallel(BadInputPolicy.ERROR)));
    }

    @ParameterizedTest
    @EnumSource(BadInputPolicy.class)
    void targetFileEndingFirstIsAnErrorUnderEveryPolicy(BadInputPolicy policy) throws IOException {
        write("Eins.\nZwei.\nDrei.\n", "One.\nTwo.\n");
        List<TextPair> delivered = new ArrayList<>();
        CorpusReadException error = assertThrows(CorpusReadException.class, () -> {
            try (TextPairReader reader = parallel(policy).open()) {
                reader.forEachRemaining(delivered::add);
            }
        });
        assertEquals(english + ":3: the parallel files are not aligned: " + english + " ends after 2 lines, but "
                + german + " has a line 3; both files need one sentence per line, line by line translations of each"
                + " other", error.getMessage());
        assertEquals(BadInputKind.MISALIGNED_FILES, error.kind());
        assertEquals(2, delivered.size(), "the common lines are delivered before the end is detected");
    }

    @ParameterizedTest
    @EnumSource(BadInputPolicy.class)
    void sourceFileEndingFirstIsAnErrorUnderEveryPolicy(BadInputPolicy policy) throws IOException {
        write("Eins.\n", "One.\nTwo.\n");
        CorpusReadException error = assertThrows(CorpusReadException.class, () -> readAll(parallel(policy)));
        assertEquals(german, error.file());
        assertEquals(2, error.line());
    }

    @Test
    void emptySourceLineFailsUnderErrorNamingTheSourceFile() throws IOException {
        write("Eins.\n\nDrei.\n", "One.\nTwo.\nThree.\n");
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(parallel(BadInputPolicy.ERROR)));
        assertEquals(german + ":2: the source line is empty (set onBadInput to \"skip\" to drop such lines and count"
                + " them)", error.getMessage());
        assertEquals(BadInputKind.EMPTY_SOURCE, error.kind());
    }

    @Test
    void emptyTargetLineFailsUnderErrorNamingTheTargetFile() throws IOException {
        write("Eins.\nZwei.\n", "One.\n \n");
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(parallel(BadInputPolicy.ERROR)));
        assertEquals(english, error.file());
        assertEquals(2, error.line());
        assertEquals(BadInputKind.EMPTY_TARGET, error.kind());
    }

    @Test
    void skippedLinesAreDroppedFromBothFilesSoPairsStayAligned() throws IOException {
        write("Eins.\n\nDrei.\nVier.\n", "One.\nTwo.\n\nFour.\n");
        try (TextPairReader reader = parallel(BadInputPolicy.SKIP).open()) {
            List<TextPair> pairs = new ArrayList<>();
            reader.forEachRemaining(pairs::add);
            assertEquals(List.of(new TextPair("Eins.", "One.", 1), new TextPair("Vier.", "Four.", 4)), pairs);
            assertEquals(1, reader.statistics().skipped(BadInputKind.EMPTY_SOURCE));
            assertEquals(1, reader.statistics().skipped(BadInputKind.EMPTY_TARGET));
        }
    }

    @Test
    void invalidUtf8InTheTargetFileNamesThatFile() throws IOException {
        write("Kaffee.\nTee.\n", "");
        Files.write(english, bytes("Caf", CorpusFixtures.LATIN1_E_ACUTE, ".\nTea.\n"));
        CorpusReadException error = assertThrows(CorpusReadException.class,
                () -> readAll(parallel(BadInputPolicy.ERROR)));
        assertEquals(english + ":1: invalid UTF-8: malformed UTF-8 byte 0xE9 at byte 4 of the line (set onBadInput"
                + " to \"skip\" to drop such lines and count them)", error.getMessage());
        assertEquals(List.of(new TextPair("Tee.", "Tea.", 2)), readAll(parallel(BadInputPolicy.SKIP)));
    }

    @Test
    void rejectsTheSameFileForBothSides() {
        Path file = directory.resolve("same.txt");
        CorpusConfigException error = assertThrows(CorpusConfigException.class,
                () -> new ParallelFormat(file, directory.resolve("./same.txt"), BadInputPolicy.ERROR));
        assertEquals("targetFile", error.field());
    }
}
