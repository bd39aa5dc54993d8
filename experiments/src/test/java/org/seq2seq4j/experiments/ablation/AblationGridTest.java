package org.seq2seq4j.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.core.io.Json;

class AblationGridTest {

    private static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static AblationAxis axis(String path, String... values) {
        return new AblationAxis(path, java.util.Arrays.stream(values).map(AblationGridTest::json).toList());
    }

    @Test
    void cartesianProductWithFirstAxisSlowest() {
        List<AblationCell> cells = AblationGrid.expand(List.of(
                axis("model.attention", "\"none\"", "\"dot\"", "\"general\""),
                axis("model.bidirectional", "false", "true")));
        assertEquals(6, cells.size());
        assertEquals(List.of("attention-none_bidirectional-false", "attention-none_bidirectional-true",
                "attention-dot_bidirectional-false", "attention-dot_bidirectional-true",
                "attention-general_bidirectional-false", "attention-general_bidirectional-true"),
                cells.stream().map(AblationCell::id).toList());
        assertEquals("attention=dot, bidirectional=true", cells.get(3).label());
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(i, cells.get(i).index());
        }
    }

    @Test
    void noAxesGiveOneBaseCell() {
        List<AblationCell> cells = AblationGrid.expand(List.of());
        assertEquals(1, cells.size());
        assertEquals("base", cells.get(0).id());
        assertEquals("base", cells.get(0).label());
        assertEquals(0, cells.get(0).assignments().size());
    }

    @Test
    void collidingKeysUseWholePathsAndObjectsTheirType() {
        List<AblationCell> cells = AblationGrid.expand(List.of(
                axis("data.task.maxLength", "10", "20"),
                axis("decoding.maxLength", "30"),
                axis("training.optimizer", "{\"type\":\"adam\"}", "{\"type\":\"sgd\",\"learningRate\":0.5}")));
        assertEquals(4, cells.size());
        assertEquals("data.task.maxLength-10_decoding.maxLength-30_optimizer-adam", cells.get(0).id());
        assertEquals("data.task.maxLength-20_decoding.maxLength-30_optimizer-sgd", cells.get(3).id());
    }

    @Test
    void objectsWithTheSameTypeAreNamedByPosition() {
        List<AblationCell> cells = AblationGrid.expand(List.of(
                axis("training.optimizer", "{\"type\":\"adam\",\"learningRate\":0.1}",
                        "{\"type\":\"adam\",\"learningRate\":0.01}")));
        assertEquals(List.of("optimizer-v1", "optimizer-v2"), cells.stream().map(AblationCell::id).toList());
    }
}
