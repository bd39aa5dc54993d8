package org.seq2seq4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.corpus.TsvFormat;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.experiments.config.DataConfig;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;

/**
 * The shipped Tatoeba configs prepare their data from the real file (read, filter, split, vocabularies, statistics;
 * no training). The configs name the file relative to the project root, the working directory they are run from;
 * the test resolves it the same way and is skipped when the file is not there.
 */
class TatoebaCorpusDataTest {

    /** The project root, seen from the experiments module (surefire's working directory). */
    private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();
    private static final int LINES = 167_130;

    /** A shipped config with its corpus path resolved against the project root. */
    private static ExperimentConfig shipped(String name) {
        ExperimentConfig config = ExperimentLoader.load(Path.of("configs", name), List.of());
        TsvFormat format = (TsvFormat) ((DataConfig.Corpus) config.data()).format();
        Path file = PROJECT_ROOT.resolve(format.file()).normalize();
        assumeTrue(Files.isRegularFile(file), "the Tatoeba file " + format.file() + " named by configs/" + name
                + " is not at " + file + " (paths are relative to the project root); see "
                + "../shared/data/tatoeba-fra-eng/README.md");
        return ExperimentLoader.load(Path.of("configs", name), List.of("data.format.file=" + file));
    }

    @Test
    void englishFrenchConfigReadsSplitsAndBuildsVocabulariesFromTheRealFile() {
        PreparedData data = PreparedData.prepare(shipped("tatoeba-en-fr.json"));
        CorpusStatistics s = data.statistics().orElseThrow();

        long read = s.read().get("corpus").pairs();
        assertEquals(LINES, read + s.read().get("corpus").totalSkipped(), s.read().toString());
        assertEquals(read, s.lengthFilter().input());
        assertEquals(s.lengthFilter().kept(), s.pairs().get("train") + s.pairs().get("dev") + s.pairs().get("test"));
        assertEquals(2000, s.pairs().get("dev"));
        assertEquals(2000, s.pairs().get("test"));
        assertTrue(s.lengthFilter().kept() > 0.9 * read, "most Tatoeba pairs have at most 15 tokens: " + s);
        assertEquals(8000, data.source().size());
        assertEquals(8000, data.target().size());
        assertTrue(s.vocabulary().source().coverage().get("test") > 0.97, s.vocabulary().toString());
        assertTrue(s.vocabulary().target().coverage().get("test") > 0.95, s.vocabulary().toString());
        assertTrue(s.padding().training().ratio() < s.padding().shuffled().ratio() / 3, s.padding().toString());
        Set<List<String>> trainSources = new HashSet<>();
        data.splits().train().forEach(p -> trainSources.add(p.source()));
        assertTrue(data.splits().test().stream().map(SequencePair::source).noneMatch(trainSources::contains),
                "a test source sentence is also in train");
        assertEquals("Va !", data.references().train().get(0), "raw references keep the corpus text");
    }

    @Test
    void frenchEnglishConfigSwapsTheColumns() {
        PreparedData data = PreparedData.prepare(shipped("tatoeba-fr-en.json"));

        assertEquals(List.of("Va", "!"), data.splits().train().get(0).source());
        assertEquals("Go.", data.references().train().get(0));
    }
}
