package org.seq2seq4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.eval.Bleu;
import org.seq2seq4j.core.eval.ChrF;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.experiments.report.RunManifest;
import org.seq2seq4j.experiments.run.TinyCorpus;

/** A corpus experiment through the command line: train one epoch on a tiny TSV, evaluate, translate, errors. */
class CorpusExperimentCliTest {

    private static final String BLEU_SIGNATURE = "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0";

    @TempDir
    Path dir;

    private Path config(Path corpus) throws Exception {
        String json = """
                {
                  "schema": 1,
                  "name": "tiny-corpus",
                  "seed": 3,
                  "outputDir": "%s",
                  "data": {"type": "corpus",
                           "format": {"type": "tsv", "file": "%s", "sourceColumn": 0, "targetColumn": 1,
                                      "onBadInput": "skip"},
                           "tokenizer": "word", "targetSpacing": "french",
                           "lengthFilter": {"maxSourceLength": 6, "maxTargetLength": 6},
                           "split": {"type": "sizes", "seed": 1, "devSize": 6, "testSize": 6},
                           "vocabulary": {"maxSize": 30},
                           "batches": {"type": "bucketed", "chunkBatches": 2}},
                  "model": {"embeddingSize": 8, "hiddenSize": 8, "bidirectional": true, "attention": "dot",
                            "feedContext": false},
                  "training": {"epochs": 1, "batchSize": 8, "validationMetric": "dev_loss"},
                  "decoding": {"maxLength": 10, "batchSize": 16}
                }
                """.formatted(escape(dir.resolve("run")), escape(corpus));
        Path file = dir.resolve("tiny-corpus.json");
        Files.writeString(file, json);
        return file;
    }

    private static String escape(Path p) {
        return p.toString().replace("\\", "\\\\");
    }

    @Test
    void trainWritesStatisticsHypothesesReferencesAndBleuWithItsSignature() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        List<String> french = TinyCorpus.write(corpus, 40, 7);

        Seq2SeqCliTest.Result train = Seq2SeqCliTest.cli("", "train", config(corpus).toString(), "--threads", "1");

        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("BLEU|" + BLEU_SIGNATURE + " = "), train.out());
        Path run = dir.resolve("run");
        JsonNode statistics = Json.mapper().readTree(run.resolve("data/statistics.json").toFile());
        assertEquals(41, statistics.at("/read/corpus/pairs").asLong());
        assertEquals(1, statistics.at("/read/corpus/skipped/missing_column").asLong());
        assertEquals(1, statistics.at("/lengthFilter/removed").asLong());
        assertEquals(6, statistics.at("/pairs/test").asInt());
        assertTrue(statistics.at("/vocabulary/target/oovRate/test").isNumber());
        assertTrue(statistics.at("/padding/training/ratio").asDouble()
                <= statistics.at("/padding/shuffled/ratio").asDouble());
        assertEquals("bucketed", statistics.at("/padding/order/type").asText());

        List<String> hypotheses = Files.readAllLines(run.resolve("test/hypotheses.txt"), StandardCharsets.UTF_8);
        List<String> references = Files.readAllLines(run.resolve("test/references.txt"), StandardCharsets.UTF_8);
        assertEquals(6, hypotheses.size());
        assertEquals(6, references.size());
        assertTrue(french.containsAll(references), "references are the raw corpus sentences: " + references);
        assertTrue(references.stream().anyMatch(r -> r.contains("’") || r.contains("\u00a0")),
                "raw typography kept: " + references);

        JsonNode scores = Json.mapper().readTree(run.resolve("test/scores.json").toFile());
        assertEquals(BLEU_SIGNATURE, scores.at("/bleu/signature").asText());
        double bleu = scores.at("/bleu/score").asDouble();
        assertEquals(Bleu.sacreBleuDefaults().corpusScore(hypotheses, List.of(references)).score(), bleu, 1e-9,
                "BLEU is the score of the written hypotheses against the written references");
        assertEquals(ChrF.sacreBleuDefaults().corpusScore(hypotheses, List.of(references)).score(),
                scores.at("/chrF/score").asDouble(), 1e-9);
        assertTrue(scores.at("/chrF/signature").asText().startsWith("nrefs:1|case:mixed|eff:yes|nc:6|nw:0"));
        long bucketed = 0;
        for (JsonNode bucket : scores.get("bleuBySourceLength")) {
            bucketed += bucket.get("examples").asLong();
        }
        assertEquals(6, bucketed);
        assertTrue(scores.has("sequenceAccuracy") && scores.has("perplexity"), "the existing metrics stay");

        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        assertEquals(RunManifest.sha256(corpus), manifest.dataHashes().get(corpus.toString()));

        Seq2SeqCliTest.Result eval = Seq2SeqCliTest.cli("", "evaluate", run.toString(), "--split", "dev");
        assertEquals(0, eval.code(), eval.err());
        assertEquals(6, Files.readAllLines(run.resolve("dev/references.txt")).size());

        Seq2SeqCliTest.Result tr = Seq2SeqCliTest.cli("The cat sleeps!\n\nThe dog runs.\n", "translate",
                run.toString());
        assertEquals(0, tr.code(), tr.err());
        List<String> lines = tr.out().lines().toList();
        assertEquals(3, lines.size(), "one output line per input line: " + lines);
        assertEquals("", lines.get(1));
        assertFalse(lines.get(0).contains(" ."), "detokenized output: " + lines);
    }

    @Test
    void devBleuIsLoggedEveryEpochAndSelectsTheBestCheckpointAsEvaluateScoresIt() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 7);

        Seq2SeqCliTest.Result train = Seq2SeqCliTest.cli("", "train", config(corpus).toString(), "--set",
                "training.epochs=3", "--set", "training.validationMetric=bleu");

        assertEquals(0, train.code(), train.err());
        Path run = dir.resolve("run");
        List<JsonNode> epochs = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            epochs.add(Json.mapper().readTree(line));
        }
        assertEquals(3, epochs.size());
        int bestEpoch = 0;
        double bestBleu = -1;
        for (JsonNode e : epochs) {
            assertEquals(List.of("bleu", "chrf"), iterable(e.get("devScores").fieldNames()), e.toString());
            double b = e.at("/devScores/bleu").asDouble();
            assertTrue(b >= 0 && b <= 100 && e.at("/devScores/chrf").asDouble() > 0, e.toString());
            if (b > bestBleu) {
                bestBleu = b;
                bestEpoch = e.get("epoch").asInt();
            }
        }
        Seq2SeqCliTest.Result eval = Seq2SeqCliTest.cli("", "evaluate", run.toString(), "--split", "dev");
        assertEquals(0, eval.code(), eval.err());
        JsonNode dev = Json.mapper().readTree(run.resolve("dev/scores.json").toFile());
        assertEquals(bestBleu, dev.at("/bleu/score").asDouble(), 1e-9,
                "the best checkpoint is the epoch of the highest dev BLEU, and evaluate gives that BLEU");
        assertEquals(epochs.get(bestEpoch - 1).at("/devScores/chrf").asDouble(), dev.at("/chrF/score").asDouble(),
                1e-9);
        String summary = Files.readString(run.resolve("summary.md"));
        assertTrue(summary.contains("| epoch | training time (min) | train loss | dev loss | dev sequence accuracy |"
                + " dev bleu | dev chrf |"), summary);
        assertTrue(Files.size(run.resolve("dev_scores.png")) > 0);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void lowercasedDataIsScoredCaseInsensitively() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 7);

        Seq2SeqCliTest.Result train = Seq2SeqCliTest.cli("", "train", config(corpus).toString(), "--set",
                "data.lowercase=true");

        assertEquals(0, train.code(), train.err());
        JsonNode scores = Json.mapper().readTree(dir.resolve("run/test/scores.json").toFile());
        assertTrue(scores.at("/bleu/signature").asText().contains("|case:lc|"), scores.get("bleu").toString());
        assertTrue(scores.at("/chrF/signature").asText().contains("|case:lc|"), scores.get("chrF").toString());
    }

    @Test
    void missingCorpusFailsWithUsageNamingThePathBeforeMakingARunDirectory() throws Exception {
        Path missing = dir.resolve("no-such-corpus.tsv.gz");

        Seq2SeqCliTest.Result train = Seq2SeqCliTest.cli("", "train", config(missing).toString());

        assertEquals(Seq2SeqCli.USAGE, train.code());
        assertTrue(train.err().contains("data.format.file") && train.err().contains(missing.toString())
                && train.err().contains("does not exist"), train.err());
        assertFalse(Files.exists(dir.resolve("run")), "no run directory for a run that cannot start");
    }

    @Test
    void badLineUnderTheErrorPolicyFailsWithUsageNamingTheLine() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 7);

        Seq2SeqCliTest.Result train = Seq2SeqCliTest.cli("", "train", config(corpus).toString(), "--set",
                "data.format.onBadInput=error");

        assertEquals(Seq2SeqCli.USAGE, train.code());
        assertTrue(train.err().contains(corpus + ":41:") && train.err().contains("\"skip\""), train.err());
    }
}
