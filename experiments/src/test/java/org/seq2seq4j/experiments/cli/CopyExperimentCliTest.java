package org.seq2seq4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.data.vocab.Vocabulary;
import org.seq2seq4j.experiments.cli.Seq2SeqCliTest.Result;

/**
 * A copy model (pointer-generator) through the command line on the {@code names} task, whose test entities never
 * occur in training: train two epochs, then the predictions, the hypotheses, {@code translate} and the attention plot
 * show copied out-of-vocabulary source tokens as their strings.
 */
class CopyExperimentCliTest {

    @TempDir
    Path dir;

    private Path config() throws Exception {
        String json = """
                {
                  "schema": 1,
                  "name": "tiny-copy-names",
                  "seed": 2,
                  "outputDir": "%s",
                  "data": {"type": "toy", "task": {"type": "names", "trainEntities": 60, "heldOutEntities": 20},
                           "trainSize": 1500, "devSize": 20, "testSize": 30, "tokenizer": "whitespace",
                           "minFrequency": 6},
                  "model": {"embeddingSize": 16, "hiddenSize": 32, "bidirectional": true, "decoderInit": "bridge",
                            "feedContext": false, "attention": "dot", "copy": true, "dropout": 0.0},
                  "training": {"epochs": 2, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.01},
                               "validationMetric": "bleu"},
                  "decoding": {"maxLength": 12, "batchSize": 32}
                }
                """.formatted(dir.resolve("run").toString().replace("\\", "\\\\"));
        Path file = dir.resolve("tiny-copy-names.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void copiedUnseenTokensAppearAsTheirStringsInPredictionsTranslationsAndAttention() throws Exception {
        Result train = Seq2SeqCliTest.cli("", "train", config().toString());
        assertEquals(0, train.code(), train.err());
        Path run = dir.resolve("run");
        Vocabulary vocabulary = Vocabulary.load(run.resolve("vocab.source.json"));
        assertEquals(vocabulary, Vocabulary.load(run.resolve("vocab.target.json")), "copy shares one vocabulary");

        List<String> rows = Files.readAllLines(run.resolve("test/predictions.tsv"));
        assertEquals(31, rows.size(), "header + 30 examples");
        List<String> hypotheses = Files.readAllLines(run.resolve("test/hypotheses.txt"));
        int copiedUnseen = 0;
        List<String> copied = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] columns = rows.get(i).split("\t", -1);
            List<String> source = List.of(columns[0].split(" "));
            List<String> hypothesis = columns[2].isEmpty() ? List.of() : List.of(columns[2].split(" "));
            assertEquals(columns[2], hypotheses.get(i - 1), "hypotheses.txt holds the same outputs");
            for (String token : hypothesis) {
                assertTrue(vocabulary.contains(token) || source.contains(token),
                        "an output token is a vocabulary token or a token of its own source: " + rows.get(i));
            }
            if (hypothesis.stream().anyMatch(t -> !vocabulary.contains(t))) {
                copiedUnseen++;
                copied.add(rows.get(i));
            }
        }
        assertTrue(copiedUnseen >= 10, "most test outputs copy an unseen entity, got " + copiedUnseen + ": " + copied
                + "\nall: " + rows);
        var diagnostics = org.seq2seq4j.core.io.Json.mapper().readTree(run.resolve("test/scores.json").toFile())
                .get("diagnostics");
        double generation = diagnostics.get("meanGeneration").asDouble();
        assertTrue(generation > 0 && generation < 1, diagnostics.toString());
        assertTrue(diagnostics.get("unknownCopyShare").asDouble() > 0, diagnostics.toString());
        assertEquals(4, diagnostics.get("repeatedNgrams").size(), diagnostics.toString());

        Result translate = Seq2SeqCliTest.cli("call me xyzzy\n", "translate", run.toString(), "--attention-plot",
                dir.resolve("attention").toString());
        assertEquals(0, translate.code(), translate.err());
        assertFalse(vocabulary.contains("xyzzy"));
        String line = translate.out().lines().findFirst().orElseThrow();
        assertTrue(List.of(line.split(" ")).contains("xyzzy"), "the unseen source token is copied: " + line);
        JsonNode map = Json.mapper().readTree(dir.resolve("attention/0001.json").toFile());
        List<String> outputTokens = new ArrayList<>();
        map.get("outputTokens").forEach(t -> outputTokens.add(t.asText()));
        assertTrue(outputTokens.contains("xyzzy"), "the attention plot labels the copied row: " + outputTokens);

        Result evaluate = Seq2SeqCliTest.cli("", "evaluate", run.toString(), "--split", "dev");
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(Files.readString(run.resolve("dev/predictions.tsv")).lines().skip(1)
                .anyMatch(r -> List.of(r.split("\t")[2].split(" ")).stream().anyMatch(t -> !vocabulary.contains(t))),
                "evaluate writes copied unseen dev entities as their strings");
    }
}
