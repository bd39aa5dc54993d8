package org.seq2seq4j.experiments.ablation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;

/**
 * Reads an ablation file strictly and expands it into an {@link AblationPlan}. Every run's experiment config is
 * resolved and validated here, before anything trains, so a bad axis value fails in a second rather than after an hour.
 * Errors are {@link ConfigException}s with the JSON path in the ablation file (or, for a bad experiment setting, in the
 * experiment with the override that caused it), the bad value and the valid choices.
 */
public final class AblationLoader {

    static final List<String> KEYS = List.of("schema", "name", "base", "set", "axes", "seeds", "outputDir", "metric");
    /** Experiment keys the runner sets for every run itself. */
    static final List<String> RESERVED = List.of("seed", "outputDir", "name");

    private AblationLoader() {
    }

    /** Reads and expands an ablation file. */
    public static AblationPlan load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("", null, "cannot be read: " + e.getMessage() + " (in " + file + ")", List.of());
        }
        AblationConfig config = parse(text, file);
        return plan(config, file);
    }

    /** Reads an ablation from JSON text; {@code file} names it in messages and anchors a relative {@code base}. */
    public static AblationConfig parse(String json, Path file) {
        try {
            return read(json, file);
        } catch (ConfigException e) {
            throw in(e, file.toString());
        }
    }

    private static AblationConfig read(String json, Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ConfigException.invalid("", null, "is not valid JSON" + (at == null ? "" : " at line "
                    + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage().lines()
                    .findFirst().orElse(""));
        }
        if (!(root instanceof ObjectNode o)) {
            throw ConfigException.invalid("", null, "must be a JSON object");
        }
        o.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new ConfigException(k, null, "is not an ablation key", KEYS);
            }
        });
        int schema = integer(o, "schema");
        if (schema != AblationConfig.SCHEMA) {
            throw ConfigException.invalid("schema", schema, "is not an ablation format this version reads (it reads "
                    + AblationConfig.SCHEMA + ")");
        }
        String name = text(o, "name");
        Path base = Path.of(text(o, "base"));
        if (!base.isAbsolute()) {
            Path dir = file.toAbsolutePath().getParent();
            base = dir == null ? base : dir.resolve(base).normalize();
        }
        Map<String, JsonNode> set = new LinkedHashMap<>();
        if (o.has("set")) {
            if (!(o.get("set") instanceof ObjectNode s)) {
                throw ConfigException.invalid("set", o.get("set"), "must be an object of config paths to values");
            }
            s.fields().forEachRemaining(f -> set.put(checkedPath("set", f.getKey()), f.getValue()));
        }
        List<AblationAxis> axes = axes(required(o, "axes"), set.keySet());
        List<Long> seeds = seeds(required(o, "seeds"));
        String outputDir = o.has("outputDir") ? text(o, "outputDir") : "runs/ablations/" + name;
        AblationMetric metric = AblationMetric.SEQUENCE_ACCURACY;
        if (o.has("metric")) {
            String m = text(o, "metric");
            metric = AblationMetric.jsonNames().contains(m) ? AblationMetric.valueOf(m.toUpperCase(java.util.Locale.ROOT))
                    : null;
            if (metric == null) {
                throw new ConfigException("metric", m, "is not a metric an ablation compares by",
                        AblationMetric.jsonNames());
            }
        }
        return new AblationConfig(schema, name, base, set, axes, seeds, outputDir, metric);
    }

    private static List<AblationAxis> axes(JsonNode node, Set<String> fixed) {
        if (!(node instanceof ObjectNode a)) {
            throw ConfigException.invalid("axes", node, "must be an object of config paths to lists of values, "
                    + "e.g. {\"model.attention\": [\"none\", \"dot\"]}");
        }
        List<AblationAxis> axes = new ArrayList<>();
        a.fields().forEachRemaining(f -> {
            String path = checkedPath("axes", f.getKey());
            String at = "axes." + path;
            if (fixed.contains(path)) {
                throw ConfigException.invalid(at, null, "is also fixed in \"set\"; a key is either fixed or varied");
            }
            if (!f.getValue().isArray() || f.getValue().isEmpty()) {
                throw ConfigException.invalid(at, f.getValue(), "must be a non-empty list of values");
            }
            List<JsonNode> values = new ArrayList<>();
            f.getValue().forEach(v -> {
                if (values.contains(v)) {
                    throw ConfigException.invalid(at, v, "appears twice in the list");
                }
                values.add(v);
            });
            axes.add(new AblationAxis(path, values));
        });
        return axes;
    }

    private static List<Long> seeds(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw ConfigException.invalid("seeds", node, "must be a non-empty list of integers, e.g. [1, 2, 3]");
        }
        List<Long> seeds = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isIntegralNumber()) {
                throw ConfigException.invalid("seeds", s, "must hold integers only");
            }
            if (seeds.contains(s.asLong())) {
                throw ConfigException.invalid("seeds", s, "appears twice in the list");
            }
            seeds.add(s.asLong());
        }
        return seeds;
    }

    private static String checkedPath(String parent, String path) {
        if (path.isEmpty() || List.of(path.split("\\.", -1)).contains("")) {
            throw ConfigException.invalid(parent, path, "is not a dotted config path such as model.attention");
        }
        if (RESERVED.contains(path)) {
            throw ConfigException.invalid(parent + "." + path, null, "is set by the ablation for every run ("
                    + "seed from \"seeds\", outputDir and name from the ablation's outputDir and the cell)");
        }
        return path;
    }

    /**
     * Expands the grid and resolves every run's experiment config from the base file with the fixed keys, the cell's
     * values, the seed and the run directory.
     */
    public static AblationPlan plan(AblationConfig config, Path source) {
        if (!Files.isRegularFile(config.base())) {
            throw in(ConfigException.invalid("base", config.base().toString(), "is not an experiment file"),
                    source.toString());
        }
        String baseJson;
        try {
            baseJson = Files.readString(config.base(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw in(ConfigException.invalid("base", config.base().toString(), "cannot be read: " + e.getMessage()),
                    source.toString());
        }
        List<AblationCell> cells = AblationGrid.expand(config.axes());
        Set<String> ids = new HashSet<>();
        for (AblationCell c : cells) {
            if (!ids.add(c.id())) {
                throw in(ConfigException.invalid("axes", c.label(), "gives two cells the directory name " + c.id()
                        + "; use values with distinct names"), source.toString());
            }
        }
        List<AblationPlan.Run> runs = new ArrayList<>();
        for (AblationCell cell : cells) {
            for (long seed : config.seeds()) {
                Path dir = Path.of(config.outputDir(), cell.id(), "seed-" + seed);
                List<String> overrides = new ArrayList<>();
                config.set().forEach((k, v) -> overrides.add(k + "=" + v));
                cell.assignments().forEach((k, v) -> overrides.add(k + "=" + v));
                overrides.add("seed=" + seed);
                overrides.add("outputDir=" + Json.mapper().getNodeFactory().textNode(dir.toString()));
                overrides.add("name=" + Json.mapper().getNodeFactory().textNode(config.name() + "/" + cell.id()
                        + "/seed-" + seed));
                ExperimentConfig experiment = ExperimentLoader.parse(baseJson, config.base() + " (the base of "
                        + source + ")", overrides);
                runs.add(new AblationPlan.Run(cell, seed, dir, experiment));
            }
        }
        return new AblationPlan(config, source, cells, runs);
    }

    private static JsonNode required(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            throw ConfigException.invalid(key, null, "is required");
        }
        return v;
    }

    private static int integer(ObjectNode o, String key) {
        JsonNode v = required(o, key);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ConfigException.invalid(key, v, "must be an integer");
        }
        return v.asInt();
    }

    private static String text(ObjectNode o, String key) {
        JsonNode v = required(o, key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ConfigException.invalid(key, v, "must be a non-empty string");
        }
        return v.asText();
    }

    private static ConfigException in(ConfigException e, String file) {
        ConfigException located = new ConfigException(e.path(), e.value(), e.problem() + " (in " + file + ")",
                e.validChoices());
        located.setStackTrace(e.getStackTrace());
        return located;
    }
}
