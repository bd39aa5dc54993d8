package org.seq2seq4j.experiments.config;

import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.config.TrainingConfig;

/**
 * One experiment: everything needed to reproduce a run with one command. Read by {@link ExperimentLoader}, which fills
 * every key the file leaves out from the defaults file, so a resolved config states every setting.
 *
 * @param schema    config format version ({@value #SCHEMA})
 * @param name      experiment name (used in reports and plot titles)
 * @param seed      seed for toy data generation, parameter initialisation, batch order and dropout (a corpus split
 *                  has its own seed)
 * @param outputDir run directory (relative to the working directory); {@code runs/<name>} when the file leaves it out
 * @param data      where examples come from
 * @param model     the architecture
 * @param training  how it is trained
 * @param decoding  how outputs are produced
 */
public record ExperimentConfig(int schema, String name, long seed, String outputDir, DataConfig data,
                               ModelConfig model, TrainingConfig training, DecodingConfig decoding) {

    /** The config format this version reads. */
    public static final int SCHEMA = 1;

    public ExperimentConfig {
        if (schema != SCHEMA) {
            throw ConfigException.invalid("schema", schema, "is not a config format this version reads (it reads "
                    + SCHEMA + ")");
        }
        if (name == null || name.isBlank()) {
            throw ConfigException.invalid("name", name, "must be a non-empty string");
        }
        if (outputDir == null || outputDir.isBlank()) {
            throw ConfigException.invalid("outputDir", outputDir, "must be a non-empty path");
        }
    }
}
