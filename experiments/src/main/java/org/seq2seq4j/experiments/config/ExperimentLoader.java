package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an experiment file strictly: the user's JSON, then the {@code --set} overrides, then every key still missing
 * filled from the defaults file ({@code org/seq2seq4j/experiments/defaults.json}), then bound to
 * {@link ExperimentConfig} by the strict mapper of {@link Json}, then the cross-field {@link ConfigRules}.
 *
 * <p>Every failure is a {@link ConfigException} whose path is the JSON path of the offending key
 * ({@code training.optimizer.learningRate}), whose value is the offending value and whose valid choices are listed
 * where they are a closed set; its message ends with the file (and the override, if one set the key). Unknown keys,
 * missing keys without a default, {@code null}, wrong JSON types (such as {@code "3"} for {@code 3}), unknown enum
 * names and unknown {@code type} names are all errors; nothing is coerced or dropped. JSON syntax errors are reported
 * with their line and column.
 *
 * <p>Loading the output of {@link #toJson(ExperimentConfig)} gives an equal config, so a run directory's resolved
 * config reproduces the run.
 */
public final class ExperimentLoader {

    /** Jackson's note of where an enclosing value started, which names the input as "REDACTED" and adds nothing. */
    private static final Pattern SOURCE_NOTE =
            Pattern.compile("\\s*\\(for \\w+ starting at \\[Source:[^\\]]*][^)]*\\)");

    /** An array index in an error path, {@code [1]} in {@code training.phases[1].fromStep}. */
    private static final Pattern ARRAY_INDEX = Pattern.compile("\\[\\d+]");

    private ExperimentLoader() {
    }

    /**
     * Reads an experiment file.
     *
     * @param file      the experiment JSON
     * @param overrides {@code path.to.key=value} overrides (the arguments of {@code --set}), applied in order
     * @return the fully resolved, validated config
     * @throws ConfigException if the file cannot be read or the config is invalid
     */
    public static ExperimentConfig load(Path file, List<String> overrides) {
        return parse(read(file), file.toString(), overrides);
    }

    /**
     * Reads an experiment from JSON text.
     *
     * @param json       the experiment JSON
     * @param sourceName where {@code json} came from, named in error messages (usually the file path)
     * @param overrides  {@code path.to.key=value} overrides, applied in order
     * @return the fully resolved, validated config
     * @throws ConfigException if the config is invalid
     */
    public static ExperimentConfig parse(String json, String sourceName, List<String> overrides) {
        List<ConfigOverride> parsed = ConfigOverride.parseAll(overrides);
        ObjectNode tree = resolve(json, sourceName, parsed);
        try {
            ExperimentConfig config = Json.mapper().treeToValue(tree, ExperimentConfig.class);
            ConfigRules.check(config);
            return config;
        } catch (JsonMappingException e) {
            ConfigException translated = BindingErrors.translate(e, tree);
            translated.initCause(e);
            throw located(translated, sourceName, parsed);
        } catch (JsonProcessingException e) {
            throw located(new ConfigException("", null, "cannot be read: " + e.getOriginalMessage(), List.of()),
                    sourceName, parsed);
        } catch (ConfigException e) {
            throw located(e, sourceName, parsed);
        }
    }

    /**
     * The tree {@link #load(Path, List)} binds: the file with the overrides applied and every missing key filled
     * from the defaults. It is not validated: keys that do not belong and bad values are still in it.
     *
     * @throws ConfigException if the file cannot be read, is not a JSON object, or an override is malformed
     */
    public static JsonNode resolvedTree(Path file, List<String> overrides) {
        return resolvedTree(read(file), file.toString(), overrides);
    }

    /**
     * The tree {@link #parse(String, String, List)} binds: {@code json} with the overrides applied and every missing
     * key filled from the defaults; not validated.
     *
     * @throws ConfigException if {@code json} is not a JSON object or an override is malformed
     */
    public static JsonNode resolvedTree(String json, String sourceName, List<String> overrides) {
        return resolve(json, sourceName, ConfigOverride.parseAll(overrides));
    }

    /**
     * The config as indented JSON, every key written (the "resolved config" stored in a run directory). Reading it
     * back with {@link #parse(String, String, List)} gives an equal config.
     */
    public static String toJson(ExperimentConfig config) {
        try {
            return Json.mapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the config of experiment " + config.name() + " as JSON", e);
        }
    }

    private static ObjectNode resolve(String json, String sourceName, List<ConfigOverride> overrides) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw syntaxError(e, sourceName);
        }
        if (root == null || root.isMissingNode()) {
            throw located(ConfigException.invalid("", null, "is empty; expected a JSON object"), sourceName, List.of());
        }
        if (!(root instanceof ObjectNode tree)) {
            throw located(ConfigException.invalid("", null, "must be a JSON object, not " + root.getNodeType()
                    .name().toLowerCase(Locale.ROOT)), sourceName, List.of());
        }
        for (ConfigOverride override : overrides) {
            override.applyTo(tree);
        }
        ExperimentDefaults.get().fill(tree);
        return tree;
    }

    private static ConfigException syntaxError(JsonProcessingException e, String sourceName) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String reason = e.getOriginalMessage() == null ? "" : ": " + SOURCE_NOTE.matcher(e.getOriginalMessage())
                .replaceAll("").lines().findFirst().orElse("");
        return located(ConfigException.invalid("", null, "is not valid JSON" + where + reason), sourceName, List.of());
    }

    /**
     * {@code e} with its source named: the file, and the last override that set the key or an enclosing object (an
     * override sets a whole array, so {@code --set training.phases=[...]} is named for an error at
     * {@code training.phases[1].fromStep}).
     */
    private static ConfigException located(ConfigException e, String sourceName, List<ConfigOverride> overrides) {
        List<String> errorPath = e.path().isEmpty() ? List.of()
                : Arrays.asList(ARRAY_INDEX.matcher(e.path()).replaceAll("").split("\\."));
        String source = sourceName;
        for (ConfigOverride override : overrides) {
            List<String> set = override.path();
            if (set.size() <= errorPath.size() && errorPath.subList(0, set.size()).equals(set)) {
                source = sourceName + " with --set " + override.text();
            }
        }
        ConfigException located = new ConfigException(e.path(), e.value(), e.problem() + " (in " + source + ")",
                e.validChoices());
        located.setStackTrace(e.getStackTrace());
        if (e.getCause() != null) {
            located.initCause(e.getCause());
        }
        return located;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw located(ConfigException.invalid("", null, "cannot be read: no such file"), file.toString(),
                    List.of());
        } catch (IOException e) {
            throw located(ConfigException.invalid("", null, "cannot be read: " + e), file.toString(), List.of());
        }
    }
}
