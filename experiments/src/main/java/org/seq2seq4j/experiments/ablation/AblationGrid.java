package org.seq2seq4j.experiments.ablation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expands axes into the cells of their cartesian product. */
public final class AblationGrid {

    private AblationGrid() {
    }

    /**
     * The cells, first axis slowest: axes {@code a: [1, 2]}, {@code b: [x, y]} give {@code (1,x) (1,y) (2,x) (2,y)}.
     * No axes give one cell, {@code base}.
     */
    public static List<AblationCell> expand(List<AblationAxis> axes) {
        List<Map<String, JsonNode>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (AblationAxis axis : axes) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> combo : combos) {
                for (JsonNode value : axis.values()) {
                    Map<String, JsonNode> c = new LinkedHashMap<>(combo);
                    c.put(axis.path(), value);
                    next.add(c);
                }
            }
            combos = next;
        }
        Map<String, String> names = axisNames(axes);
        List<AblationCell> cells = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            cells.add(new AblationCell(i, id(combos.get(i), names, axes), combos.get(i)));
        }
        return cells;
    }

    /** The name of each axis in directory names: its last key, or the whole path where last keys collide. */
    private static Map<String, String> axisNames(List<AblationAxis> axes) {
        Map<String, Integer> counts = new HashMap<>();
        for (AblationAxis a : axes) {
            counts.merge(a.key(), 1, Integer::sum);
        }
        Map<String, String> names = new HashMap<>();
        for (AblationAxis a : axes) {
            names.put(a.path(), counts.get(a.key()) > 1 ? a.path() : a.key());
        }
        return names;
    }

    private static String id(Map<String, JsonNode> combo, Map<String, String> names, List<AblationAxis> axes) {
        if (combo.isEmpty()) {
            return "base";
        }
        List<String> parts = new ArrayList<>();
        for (AblationAxis axis : axes) {
            JsonNode v = combo.get(axis.path());
            parts.add(safe(names.get(axis.path())) + "-" + safe(valueName(axis, v)));
        }
        return String.join("_", parts);
    }

    /**
     * A short name for a value: scalars as text; an object by its {@code type} when that tells the axis's values
     * apart, else by its position on the axis ({@code v2}).
     */
    private static String valueName(AblationAxis axis, JsonNode v) {
        if (!v.isContainerNode()) {
            return AblationCell.show(v);
        }
        Set<String> types = new HashSet<>();
        for (JsonNode other : axis.values()) {
            types.add(other.path("type").asText(""));
        }
        String type = v.path("type").asText("");
        if (!type.isEmpty() && types.size() == axis.values().size()) {
            return type;
        }
        return "v" + (axis.values().indexOf(v) + 1);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9.+-]", "_");
    }
}
