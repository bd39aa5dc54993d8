package org.seq2seq4j.data.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.text.PunctuationSpacing;
import org.seq2seq4j.data.text.WhitespaceTokenizer;
import org.seq2seq4j.data.text.WordTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizedCorpusTest {

    @TempDir
    Path directory;

    @Test
    void tokenizesEachSideWithItsTokenizer() throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("fra.txt"), "Don't go!\tN’y va pas\u202F!\n");
        TokenizedCorpus corpus = new TokenizedCorpus(new TsvFormat(file, 0, 1, BadInputPolicy.ERROR),
                new WordTokenizer(true, PunctuationSpacing.ENGLISH), new WhitespaceTokenizer());
        LoadedCorpus loaded = corpus.readAll();
        assertEquals(List.of(new SequencePair(List.of("do", "n't", "go", "!"), List.of("N’y", "va", "pas", "!"))),
                loaded.pairs());
        assertEquals(1, loaded.statistics().pairs());
    }

    @Test
    void streamsPairsInFileOrderAndReportsSkips() throws IOException {
        Path file = CorpusFixtures.write(directory.resolve("fra.txt"), "Go.\tVa !\nbroken\nHi.\tSalut.\n");
        TokenizedCorpus corpus = new TokenizedCorpus(new TsvFormat(file, 0, 1, BadInputPolicy.SKIP),
                WordTokenizer.defaults(), WordTokenizer.defaults());
        List<List<String>> sources = new ArrayList<>();
        ReadStatistics statistics = corpus.forEach(pair -> sources.add(pair.source()));
        assertEquals(List.of(List.of("Go", "."), List.of("Hi", ".")), sources);
        assertEquals(2, statistics.pairs());
        assertEquals(1, statistics.skipped(BadInputKind.MISSING_COLUMN));
    }
}
