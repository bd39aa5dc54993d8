package org.seq2seq4j.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.seq2seq4j.core.train.CheckpointStore;

/**
 * The layout of a run directory, in one place:
 * <pre>
 *   config.json           the fully resolved experiment config
 *   manifest.json         provenance: versions, seed, data hashes, git commit, start and end time
 *   metrics.jsonl         one line of metrics per epoch
 *   data/{train,dev,test}.tsv   the examples the run used (source TAB target, tokens separated by spaces)
 *   data/statistics.json        a corpus run's data statistics: pairs read, skipped, filtered and kept per split,
 *                               vocabulary sizes and coverage, padding (see {@link CorpusStatistics})
 *   vocab.source.json, vocab.target.json
 *   checkpoints/          epoch-NNNN/ directories with pointer files last and best
 *   loss.png, accuracy.png, position_accuracy.png, learning_curves.png
 *   test/predictions.tsv, test/scores.json   the best checkpoint on the test split, with
 *   test/hypotheses.txt, test/references.txt  the detokenized outputs and the reference texts, one a line
 *   summary.md            a Markdown summary of the run
 * </pre>
 */
public record RunDirectory(Path root) {

    /** The detokenized outputs in an evaluation directory, one a line. */
    public static final String HYPOTHESES = "hypotheses.txt";

    /** The reference texts in an evaluation directory, one a line, aligned with {@link #HYPOTHESES}. */
    public static final String REFERENCES = "references.txt";

    public Path config() {
        return root.resolve("config.json");
    }

    public Path manifest() {
        return root.resolve("manifest.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path data(String split) {
        return root.resolve("data").resolve(split + ".tsv");
    }

    /** A corpus run's data statistics, {@code data/statistics.json}. */
    public Path statistics() {
        return root.resolve("data").resolve("statistics.json");
    }

    public Path sourceVocabulary() {
        return root.resolve("vocab.source.json");
    }

    public Path targetVocabulary() {
        return root.resolve("vocab.target.json");
    }

    public CheckpointStore checkpoints() {
        return new CheckpointStore(root.resolve("checkpoints"));
    }

    /** Where the evaluation of a checkpoint on a split goes: {@code test/} for the best checkpoint on test. */
    public Path evaluation(String checkpoint, String split) {
        return root.resolve(checkpoint.equals(CheckpointStore.BEST) ? split : checkpoint + "-" + split);
    }

    public Path summary() {
        return root.resolve("summary.md");
    }

    /** Whether a run has already checkpointed here. */
    public boolean hasCheckpoint() {
        return checkpoints().resolve(CheckpointStore.LAST).isPresent();
    }

    /** Fails with a clear message unless this is a run directory. */
    public RunDirectory requireRun() {
        if (!Files.isRegularFile(config())) {
            throw new RunDirectoryException(root + " is not a run directory: it has no config.json");
        }
        return this;
    }

    /** A checkpoint directory by pointer name ({@code best} or {@code last}). */
    public Path checkpoint(String pointer) {
        return checkpoints().resolve(pointer).orElseThrow(() -> new RunDirectoryException(
                root + " has no \"" + pointer + "\" checkpoint (valid choices: best, last; a run writes both after its "
                        + "first epoch)"));
    }

    /** Creates the directory. */
    public void create() {
        try {
            Files.createDirectories(root.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + root + ": " + e.getMessage(), e);
        }
    }
}
