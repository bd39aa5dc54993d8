package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/config.md documents every key of the defaults file with its default, and no key that does not exist. */
class ConfigDocsTest {

    /** docs/config.md, from the experiments module's directory (surefire's working directory). */
    private static final Path DOC = Path.of("..", "docs", "config.md");

    private static final Pattern ROW_KEY = Pattern.compile("^\\| `([A-Za-z.]+)` \\|");

    private static List<String> lines;

    @BeforeAll
    static void readDoc() throws IOException {
        lines = Files.readAllLines(DOC);
    }

    /** Every leaf key of the defaults file with its default, including each family's {@code type}. */
    private static Map<String, List<String>> documentedDefaults() {
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        leaves("", ExperimentDefaults.get().base(), defaults);
        for (ExperimentDefaults.Family family : ExperimentDefaults.get().families().values()) {
            defaults.computeIfAbsent(family.path() + "." + JsonNames.TYPE_KEY, k -> new ArrayList<>())
                    .add(family.defaultType().map(t -> "\"" + t + "\"").orElse("required"));
            for (JsonNode typeDefaults : family.types().values()) {
                leaves(family.path(), typeDefaults, defaults);
            }
        }
        return defaults;
    }

    private static void leaves(String path, JsonNode node, Map<String, List<String>> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue().isObject()) {
                leaves(child, field.getValue(), into);
            } else {
                into.computeIfAbsent(child, k -> new ArrayList<>()).add(field.getValue().toString());
            }
        }
    }

    private static boolean hasRow(String key, String value) {
        String cell = value.equals("required") ? "| required |" : "`" + value + "`";
        return lines.stream().anyMatch(line -> line.startsWith("| `" + key + "` |") && line.contains(cell));
    }

    @Test
    void everyDefaultsKeyIsDocumentedWithItsDefault() {
        List<String> missing = new ArrayList<>();
        documentedDefaults().forEach((key, values) -> values.stream()
                .filter(value -> !hasRow(key, value))
                .forEach(value -> missing.add(key + " = " + value)));

        assertEquals(List.of(), missing, "keys of defaults.json missing from " + DOC + " (or with another default)");
    }

    @Test
    void everyTypeNameIsListedInItsFamilysTypeRow() {
        for (ExperimentDefaults.Family family : ExperimentDefaults.get().families().values()) {
            String row = lines.stream().filter(line -> line.startsWith("| `" + family.path() + ".type` |"))
                    .findFirst().orElse("");
            for (String type : family.types().keySet()) {
                assertTrue(row.contains("`\"" + type + "\"`"), family.path() + ".type row lacks " + type);
            }
        }
    }

    @Test
    void everyDocumentedKeyExists() {
        Set<String> known = new TreeSet<>(documentedDefaults().keySet());
        known.addAll(List.of("name", "outputDir", "data", "model", "training", "decoding", "data.task",
                "training.optimizer", "training.schedule", "training.clipping"));
        // corpus keys without a default: the objects, and the files a user must name
        known.addAll(List.of("data.format", "data.format.file", "data.format.sourceFile", "data.format.targetFile",
                "data.split", "data.split.dev", "data.split.test", "data.batches"));
        Set<String> unknown = new TreeSet<>();
        for (String line : lines) {
            Matcher row = ROW_KEY.matcher(line);
            if (row.find() && !known.contains(row.group(1))) {
                unknown.add(row.group(1));
            }
        }

        assertEquals(Set.of(), unknown, "rows of " + DOC + " for keys the config does not have");
    }
}
