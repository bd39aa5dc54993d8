package org.seq2seq4j.experiments.ablation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ablation file: a base experiment, the config keys to vary and the seeds to repeat every combination with. Read by
 * {@link AblationLoader}; the format is in {@code docs/ablations.md}.
 *
 * @param schema    ablation format version ({@value #SCHEMA})
 * @param name      ablation name (table and plot titles, default output directory)
 * @param base      the base experiment file (relative paths in the file are resolved against the file's directory)
 * @param set       keys fixed for every run, dotted path to JSON value, applied before the axes (like {@code --set})
 * @param axes      the varied keys; the grid is their cartesian product, first axis slowest
 * @param seeds     the seeds every cell is run with ({@code seed} of the experiment)
 * @param outputDir where the runs and the summary go, relative to the working directory
 * @param metric    the test score the cells are compared by
 */
public record AblationConfig(int schema, String name, Path base, Map<String, JsonNode> set, List<AblationAxis> axes,
                             List<Long> seeds, String outputDir, AblationMetric metric) {

    /** The ablation format this version reads. */
    public static final int SCHEMA = 1;

    public AblationConfig {
        set = new LinkedHashMap<>(set);
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
    }

    @Override
    public Map<String, JsonNode> set() {
        return java.util.Collections.unmodifiableMap(set);
    }
}
