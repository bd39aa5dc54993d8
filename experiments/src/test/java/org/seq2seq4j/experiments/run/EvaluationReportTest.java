package org.seq2seq4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.eval.Bleu;
import org.seq2seq4j.core.eval.ChrF;
import org.seq2seq4j.core.io.Json;

/** scores.json round-trips, and reports written before BLEU existed still read. */
class EvaluationReportTest {

    @TempDir
    Path dir;

    private static final String OLD = """
            {"split": "test", "checkpoint": "best", "decoding": "greedy-max8", "examples": 2,
             "sequenceAccuracy": 0.5, "tokenAccuracy": 0.75, "loss": 0.4, "perplexity": 1.49,
             "positionAccuracy": [1.0, 0.5]}
            """;

    @Test
    void roundTripsWithBleuAndChrF() throws Exception {
        List<String> hyps = List.of("the cat sat", "a dog");
        List<List<String>> refs = List.of(List.of("the cat sat", "the dog"));
        Bleu bleu = Bleu.sacreBleuDefaults();
        EvaluationReport report = new EvaluationReport("test", "best", "greedy-max8", 2, 0.5, 0.75, 0.4, 1.49,
                List.of(1.0, 0.5), List.of(new LengthBucketScore(1, 10, 2, 0.5)), bleu.corpusScore(hyps, refs),
                ChrF.sacreBleuDefaults().corpusScore(hyps, refs),
                BleuBucketScore.bySourceLength(bleu, bleu.corpusStats(hyps, refs), List.of(3, 7)),
                DecodingDiagnostics.of(List.of(new Hypothesis(new int[]{4, 4, 13}, -1, true, new double[]{0.9, 0.8,
                        0.1}), new Hypothesis(new int[]{5}, -1, true, new double[]{0.6})),
                        List.of(new int[]{13, 7}, new int[]{6}), 12, true));
        Path file = dir.resolve("scores.json");
        Json.mapper().writeValue(file.toFile(), report);

        assertEquals(report, EvaluationReport.read(file));
        assertEquals(2, report.bleuBySourceLength().size(), "sources of 3 and 7 tokens: buckets 1-5 and 6-10");
        DecodingDiagnostics d = report.diagnostics();
        assertEquals(0.6, d.meanGeneration(), 1e-12, "(0.9 + 0.8 + 0.1 + 0.6) / 4");
        assertEquals(0.25, d.unknownCopyShare(), 1e-12, "one of four tokens is an extended id");
        assertEquals(0.25, d.sourceTokenShare(), 1e-12, "only 13 occurs in its source");
        assertEquals(1.0 / 4, d.repeatedNgrams().get("1"), 1e-12, "the second 4 repeats");
    }

    @Test
    void readsAReportWrittenBeforeBleuExisted() throws Exception {
        Path file = dir.resolve("scores.json");
        Files.writeString(file, OLD);

        EvaluationReport report = EvaluationReport.read(file);

        assertNull(report.bleu());
        assertNull(report.chrF());
        assertNull(report.diagnostics());
        assertEquals(List.of(), report.bySourceLength());
        assertEquals(List.of(), report.bleuBySourceLength());
        assertEquals(0.4, report.loss());
    }

    @Test
    void rejectsAReportWithoutItsLoss() throws Exception {
        Path file = dir.resolve("scores.json");
        Files.writeString(file, OLD.replace("\"loss\": 0.4, ", ""));

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> EvaluationReport.read(file));

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("\"loss\""), e.getMessage());
    }
}
