package org.seq2seq4j.experiments.ablation;

import java.nio.file.Path;
import java.util.List;
import org.seq2seq4j.experiments.config.ExperimentConfig;

/**
 * An ablation expanded into runs: every cell with every seed, each with its fully resolved experiment config.
 *
 * @param config the ablation file
 * @param source the ablation file's path (named in messages)
 * @param cells  the grid, first axis slowest
 * @param runs   cell-major, then seed
 */
public record AblationPlan(AblationConfig config, Path source, List<AblationCell> cells, List<Run> runs) {

    public AblationPlan {
        cells = List.copyOf(cells);
        runs = List.copyOf(runs);
    }

    /** The ablation's output directory. */
    public Path root() {
        return Path.of(config.outputDir());
    }

    /**
     * One training run of the ablation.
     *
     * @param cell       its cell
     * @param seed       its seed
     * @param directory  its run directory, {@code <outputDir>/<cell id>/seed-<seed>}
     * @param experiment its resolved experiment config
     */
    public record Run(AblationCell cell, long seed, Path directory, ExperimentConfig experiment) {

        /** {@code attention-dot/seed-1}, for logs. */
        public String id() {
            return cell.id() + "/seed-" + seed;
        }
    }
}
