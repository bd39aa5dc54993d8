package org.seq2seq4j.data.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.text.PunctuationSpacing;
import org.seq2seq4j.data.text.WordTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads the real Tatoeba English–French file ({@code shared/data/tatoeba-fra-eng/fra-eng.txt.gz} beside the project,
 * 167,130 lines) through the TSV reader. Skipped when the file is not there: it is found in a {@code shared}
 * directory of the working directory or any of its parents, or at the path in the environment variable
 * {@code TATOEBA_FRA_ENG}.
 */
class TatoebaCorpusTest {

    private static final Path RELATIVE = Path.of("shared", "data", "tatoeba-fra-eng", "fra-eng.txt.gz");
    private static final int LINES = 167_130;

    private static Path file;

    @BeforeAll
    static void findTheFile() {
        String override = System.getenv("TATOEBA_FRA_ENG");
        if (override != null && Files.isRegularFile(Path.of(override))) {
            file = Path.of(override);
            return;
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve(RELATIVE))) {
                file = directory.resolve(RELATIVE);
                return;
            }
        }
    }

    private static void assumeTheFileIsThere() {
        assumeTrue(file != null, "the Tatoeba file " + RELATIVE + " is not in the working directory "
                + Path.of("").toAbsolutePath() + " or a parent, and TATOEBA_FRA_ENG is not set");
    }

    @Test
    void readsEveryLineAsAPairOrACountedSkip() throws IOException {
        assumeTheFileIsThere();
        TsvFormat format = new TsvFormat(file, 0, 1, BadInputPolicy.SKIP);
        List<TextPair> firstPairs = new ArrayList<>();
        long lastLine;
        ReadStatistics statistics;
        try (TextPairReader reader = format.open()) {
            TextPair pair = null;
            while (reader.hasNext()) {
                pair = reader.next();
                if (firstPairs.size() < 2) {
                    firstPairs.add(pair);
                }
            }
            lastLine = pair.line();
            statistics = reader.statistics();
        }
        assertEquals(List.of(new TextPair("Go.", "Va !", 1), new TextPair("Hi.", "Salut !", 2)), firstPairs);
        assertEquals(LINES, statistics.pairs() + statistics.totalSkipped(), statistics.toString());
        assertTrue(statistics.pairs() > 0.99 * LINES, statistics.toString());
        assertTrue(lastLine <= LINES);
    }

    @Test
    void retokenizingDetokenizedSentencesGivesTheSameTokensOnTheWholeCorpus() throws IOException {
        assumeTheFileIsThere();
        WordTokenizer english = new WordTokenizer(false, PunctuationSpacing.ENGLISH);
        WordTokenizer french = new WordTokenizer(false, PunctuationSpacing.FRENCH);
        List<SequencePair> failures = new ArrayList<>();
        new TokenizedCorpus(new TsvFormat(file, 0, 1, BadInputPolicy.SKIP), english, french).forEach(pair -> {
            if (!english.tokenize(english.detokenize(pair.source())).equals(pair.source())
                    || !french.tokenize(french.detokenize(pair.target())).equals(pair.target())) {
                failures.add(pair);
            }
        });
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " pairs differ");
    }
}
