package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seq2seq4j.core.io.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default of every experiment key, read from the one defaults file
 * {@code org/seq2seq4j/experiments/defaults.json}, and the deep merge that fills a user's config from it.
 *
 * <p>The file holds {@code "base"}, a complete experiment except for the polymorphic objects, the task and the name,
 * and {@code "types"}, keyed by the JSON path of each polymorphic family ({@code "training.optimizer"}) and then by
 * type name, giving the defaults of that type's keys; {@code "$default"} names the type used when the user gives
 * none (a family without it, {@code data.task}, must be written by the user).
 *
 * <p>Merging fills keys the user left out and nothing else: a user value is never replaced, keys the user wrote that
 * do not belong are kept (so that binding rejects them), and in a family object only the defaults of the chosen type
 * are merged. A family inside a typed object ({@code data.format} inside a {@code data} of type {@code corpus}) is
 * created from its {@code "$default"} type only when that type's defaults hold its key (as {@code {}}), so that a
 * {@code toy} data object does not get a corpus format. The one default that is not in the file is
 * {@code outputDir}: {@value #RUNS_DIRECTORY}{@code /<name>}.
 */
final class ExperimentDefaults {

    /** The resource holding the defaults. */
    static final String RESOURCE = "/org/seq2seq4j/experiments/defaults.json";

    /** The directory in which a run directory named after the experiment is made when {@code outputDir} is absent. */
    static final String RUNS_DIRECTORY = "runs";

    /** The key of a family's default type name in the {@code "types"} section. */
    static final String DEFAULT_TYPE_KEY = "$default";

    private static final ExperimentDefaults INSTANCE = read();

    private final ObjectNode base;
    private final Map<String, Family> families;

    /**
     * The defaults of one polymorphic family.
     *
     * @param path        JSON path of the family's objects, e.g. {@code training.optimizer}
     * @param defaultType the type used when the user names none
     * @param types       the defaults of each type's keys, by type name
     */
    record Family(String path, Optional<String> defaultType, Map<String, ObjectNode> types) {

        /** The path of the object holding this family's objects ({@code ""} for the root). */
        String parent() {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "" : path.substring(0, dot);
        }

        /** The key under which this family's object sits in its parent. */
        String key() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    private ExperimentDefaults(ObjectNode base, Map<String, Family> families) {
        this.base = base;
        this.families = families;
    }

    /** The defaults of this version of the toolkit. */
    static ExperimentDefaults get() {
        return INSTANCE;
    }

    /** The {@code "base"} section (a copy). */
    ObjectNode base() {
        return base.deepCopy();
    }

    /** The families of the {@code "types"} section, by JSON path, in file order. */
    Map<String, Family> families() {
        return families;
    }

    /**
     * Fills {@code config}, a user's experiment tree, in place with every default it leaves out, including
     * {@code outputDir}.
     */
    void fill(ObjectNode config) {
        fill(config, "", base);
        JsonNode name = config.get("name");
        if (!config.has("outputDir") && name != null && name.isTextual() && !name.asText().isBlank()) {
            config.put("outputDir", RUNS_DIRECTORY + "/" + name.asText());
        }
    }

    private void fill(ObjectNode node, String path, JsonNode defaults) {
        Family family = families.get(path);
        JsonNode own = family == null ? defaults : typeDefaults(node, family);
        if (own != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = own.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String childPath = child(path, entry.getKey());
                if (families.containsKey(childPath)) {
                    continue;
                }
                JsonNode user = node.get(entry.getKey());
                JsonNode value = entry.getValue();
                if (user == null) {
                    if (value.isObject()) {
                        fill(node.putObject(entry.getKey()), childPath, value);
                    } else {
                        node.set(entry.getKey(), value.deepCopy());
                    }
                } else if (user.isObject() && value.isObject()) {
                    fill((ObjectNode) user, childPath, value);
                }
            }
        }
        for (Family child : families.values()) {
            if (!child.parent().equals(path)) {
                continue;
            }
            JsonNode user = node.get(child.key());
            boolean belongsHere = family == null || (own != null && own.has(child.key()));
            if (user == null && child.defaultType().isPresent() && belongsHere) {
                fill(node.putObject(child.key()), child.path(), null);
            } else if (user != null && user.isObject()) {
                fill((ObjectNode) user, child.path(), null);
            }
        }
    }

    /**
     * The defaults of the type {@code node} has or, if it names none, of the family's default type, which is then
     * written into {@code node} as its first key. Null if the type is unknown or not a string (binding reports it).
     */
    private static ObjectNode typeDefaults(ObjectNode node, Family family) {
        JsonNode type = node.get(JsonNames.TYPE_KEY);
        if (type == null) {
            if (family.defaultType().isEmpty()) {
                return null;
            }
            ObjectNode written = node.deepCopy();
            node.removeAll();
            node.put(JsonNames.TYPE_KEY, family.defaultType().get());
            node.setAll(written);
            return family.types().get(family.defaultType().get());
        }
        return type.isTextual() ? family.types().get(type.asText()) : null;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static ExperimentDefaults read() {
        JsonNode root;
        try (InputStream in = ExperimentDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the defaults file " + RESOURCE + " is missing from the class path");
            }
            root = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the defaults file " + RESOURCE, e);
        }
        if (!(root.get("base") instanceof ObjectNode base) || !(root.get("types") instanceof ObjectNode types)) {
            throw new IllegalStateException("the defaults file " + RESOURCE
                    + " must hold objects \"base\" and \"types\"");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Optional<String> defaultType = Optional.empty();
            Map<String, ObjectNode> byType = new LinkedHashMap<>();
            List<String> malformed = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> typeIt = entry.getValue().fields(); typeIt.hasNext(); ) {
                Map.Entry<String, JsonNode> type = typeIt.next();
                if (type.getKey().equals(DEFAULT_TYPE_KEY) && type.getValue().isTextual()) {
                    defaultType = Optional.of(type.getValue().asText());
                } else if (type.getValue() instanceof ObjectNode defaults) {
                    byType.put(type.getKey(), defaults);
                } else {
                    malformed.add(type.getKey());
                }
            }
            if (!malformed.isEmpty() || defaultType.filter(t -> !byType.containsKey(t)).isPresent()) {
                throw new IllegalStateException("the defaults file " + RESOURCE + " has a malformed family \""
                        + entry.getKey() + "\"");
            }
            families.put(entry.getKey(), new Family(entry.getKey(), defaultType, Collections.unmodifiableMap(byType)));
        }
        return new ExperimentDefaults(base, Collections.unmodifiableMap(families));
    }
}
