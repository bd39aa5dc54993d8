package org.seq2seq4j.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.eval.Bleu;
import org.seq2seq4j.core.eval.ChrF;
import org.seq2seq4j.core.train.EpochMetrics;
import org.seq2seq4j.experiments.run.DecodingDiagnostics;
import org.seq2seq4j.experiments.run.EvaluationReport;
import org.seq2seq4j.experiments.run.LengthBucketScore;

/** The statistics and tables of a summary, from made-up outcomes. */
class AblationSummaryTest {

    @TempDir
    Path dir;

    private static EvaluationReport report(double accuracy, double shortAcc, double longAcc) {
        return report(accuracy, shortAcc, longAcc, null);
    }

    private static EvaluationReport report(double accuracy, double shortAcc, double longAcc,
                                           DecodingDiagnostics diagnostics) {
        return new EvaluationReport("test", "best", "greedy-max16", 30, accuracy, 0.9, 0.5, Math.exp(0.5), List.of(1.0),
                List.of(new LengthBucketScore(1, 10, 20, shortAcc), new LengthBucketScore(11, 20, 10, longAcc)),
                Bleu.sacreBleuDefaults().corpusScore(List.of("a b c d"), List.of(List.of("a b c d"))),
                ChrF.sacreBleuDefaults().corpusScore(List.of("a b c d"), List.of(List.of("a b c d"))), List.of(),
                diagnostics);
    }

    /** Diagnostics whose n-gram repetition rate is {@code unigrams / n}. */
    private static DecodingDiagnostics repeating(double unigrams) {
        return new DecodingDiagnostics(Map.of("1", unigrams, "2", unigrams / 2, "3", unigrams / 3, "4", unigrams / 4),
                1.0, null, null);
    }

    private AblationSummary repetitionSummary() throws Exception {
        Path file = TinyAblation.ablation(dir, "{\"model.reverseSource\": [false, true]}");
        Files.writeString(file, Files.readString(file)
                .replace("\"seeds\"", "\"metric\": \"repeated_2grams\", \"seeds\""));
        AblationPlan plan = AblationLoader.load(file);
        List<RunOutcome> outcomes = new ArrayList<>();
        // cell false: unigram rates 0.10 and 0.20; cell true: 0.02 and a report written before diagnostics existed
        outcomes.add(new RunOutcome(plan.runs().get(0), report(0.5, 0.5, 0.5, repeating(0.10)), List.of(epoch(1, 0.5)),
                null));
        outcomes.add(new RunOutcome(plan.runs().get(1), report(0.5, 0.5, 0.5, repeating(0.20)), List.of(epoch(1, 0.5)),
                null));
        outcomes.add(new RunOutcome(plan.runs().get(2), report(0.9, 0.9, 0.9, repeating(0.02)), List.of(epoch(1, 0.9)),
                null));
        outcomes.add(new RunOutcome(plan.runs().get(3), report(0.9, 0.9, 0.9), List.of(epoch(1, 0.9)), null));
        return AblationSummary.of(plan, outcomes, null);
    }

    private static EpochMetrics epoch(int e, double devAccuracy) {
        return new EpochMetrics(e, e * 10L, 0.001, 1.0, 1.0, Math.E, 0.5, devAccuracy, List.of(0.5), 30.0, 1000);
    }

    private AblationSummary summary() throws Exception {
        AblationPlan plan = AblationLoader.load(TinyAblation.ablation(dir, "{\"model.reverseSource\": [false, true]}"));
        List<RunOutcome> outcomes = new ArrayList<>();
        // cell reverseSource=false: seeds 1, 2 at 40 % and 60 %; cell true: seed 1 at 90 %, seed 2 failed
        outcomes.add(new RunOutcome(plan.runs().get(0), report(0.4, 0.5, 0.2), List.of(epoch(1, 0.1), epoch(2, 0.3)), null));
        outcomes.add(new RunOutcome(plan.runs().get(1), report(0.6, 0.7, 0.4), List.of(epoch(1, 0.2), epoch(2, 0.5)), null));
        outcomes.add(new RunOutcome(plan.runs().get(2), report(0.9, 1.0, 0.7), List.of(epoch(1, 0.6), epoch(2, 0.4)), null));
        outcomes.add(new RunOutcome(plan.runs().get(3), null, List.of(epoch(1, 0.0)), "diverged at step 3"));
        return AblationSummary.of(plan, outcomes, java.time.Duration.ofSeconds(90));
    }

    @Test
    void cellStatisticsAreMeanAndSampleDeviationOverFinishedSeeds() throws Exception {
        AblationSummary s = summary();
        AblationCell forward = s.plan().cells().get(0);
        AblationCell reversed = s.plan().cells().get(1);
        assertEquals(50.0, s.metric(forward).mean(), 1e-9);
        assertEquals(Math.sqrt(200), s.metric(forward).std(), 1e-9);
        assertEquals(1, s.metric(reversed).n(), "the failed seed is left out");
        assertEquals(90.0, s.metric(reversed).mean(), 1e-9);
        assertEquals(List.of("1-10", "11-20"), s.lengthBuckets());
        assertEquals(30.0, s.byLength(forward).get("11-20").mean(), 1e-9);
        assertEquals(1, s.outcomes().get(2).bestEpoch(), "best epoch by the dev metric (exact match)");
        assertEquals(2, s.outcomes().get(0).bestEpoch());
    }

    @Test
    void markdownTableHasOneRowPerCellWithMeanAndDeviation() throws Exception {
        String md = summary().markdown();
        assertTrue(md.contains("| reverseSource | runs | exact match (%) | token accuracy (%) | perplexity | best epoch "
                + "| training min |"), md);
        assertTrue(md.contains("| false | 2/2 | 50.0 ± 14.1 | 90.0 ± 0.0 | 1.649 ± 0.000 | 2.0 ± 0.0 | 1.0 ± 0.0 |"), md);
        assertTrue(md.contains("| true | 1/2 | 90.0 | 90.0 | 1.649 | 1.0 | 1.0 |"), md);
        assertTrue(md.contains("| false | 60.0 ± 14.1 | 30.0 ± 14.1 |"), md);
        assertTrue(md.contains("`true/seed-2`") || md.contains("reverseSource-true/seed-2"), md);
        assertTrue(md.contains("diverged at step 3"), md);
        assertTrue(md.contains("1.5 min wall time"), md);
    }

    @Test
    void aTranslationMetricLeadsTheTableWithTheOtherTranslationMetricBeside() throws Exception {
        Path file = TinyAblation.ablation(dir, "{\"model.reverseSource\": [false, true]}");
        Files.writeString(file, Files.readString(file).replace("\"seeds\"", "\"metric\": \"bleu\", \"seeds\""));
        AblationPlan plan = AblationLoader.load(file);
        List<RunOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(new RunOutcome(plan.runs().get(i), report(0.5, 0.5, 0.5), List.of(epoch(1, 0.5)), null));
        }
        String md = AblationSummary.of(plan, outcomes, null).markdown();
        assertTrue(md.contains("| reverseSource | runs | BLEU | exact match (%) | token accuracy (%) | perplexity | chrF "
                + "| best epoch | training min |"), md);
        assertTrue(md.contains("| false | 2/2 | 100.0 ± 0.0 | 50.0 ± 0.0 | 90.0 ± 0.0 | 1.649 ± 0.000 | 100.0 ± 0.0 |"),
                md);
        assertTrue(!summary().markdown().contains("BLEU"), "no BLEU column when comparing by exact match");
    }

    @Test
    void aRepetitionMetricLeadsTheTableWithTheOtherOrdersBeside() throws Exception {
        String md = repetitionSummary().markdown();

        assertTrue(md.contains("| reverseSource | runs | repeated 2-grams (%) | exact match (%) | token accuracy (%) "
                + "| perplexity | repeated 1-grams (%) | repeated 3-grams (%) | repeated 4-grams (%) | best epoch "
                + "| training min |"), md);
        assertTrue(md.contains("| false | 2/2 | 7.50 ± 3.54 | 50.0 ± 0.0 | 90.0 ± 0.0 | 1.649 ± 0.000 | 15.00 ± 7.07 "
                + "| 5.00 ± 2.36 | 3.75 ± 1.77 |"), md);
        assertTrue(md.contains("| true | 2/2 | 1.00 | 90.0 ± 0.0 |"), "the report without diagnostics is left out: "
                + md);
        assertTrue(!md.contains("BLEU"), md);
        assertTrue(!summary().markdown().contains("repeated"), "no repetition columns when comparing by exact match");
    }

    @Test
    void aRepetitionMetricAddsTheRepetitionRatesToTheCsv() throws Exception {
        List<String> lines = repetitionSummary().csv().lines().toList();

        assertTrue(lines.get(0).contains(",test_perplexity,test_repeated_1grams,test_repeated_2grams,"
                + "test_repeated_3grams,test_repeated_4grams,test_sequence_accuracy_len_1-10,"), lines.get(0));
        assertTrue(lines.get(1).contains(",0.100000,0.0500000,0.0333333,0.0250000,"), lines.get(1));
        assertTrue(lines.get(4).contains(",1.64872,,,,,0.900000,"), "empty for a report without diagnostics: "
                + lines.get(4));
    }

    @Test
    void writesTheBarChartOfARepetitionMetric() throws Exception {
        AblationSummary s = repetitionSummary();
        s.write();

        assertTrue(Files.size(s.plan().root().resolve("test_repeated_2grams.png")) > 0);
    }

    @Test
    void csvHasOneRowPerRunWithItsAxisValuesAndBuckets() throws Exception {
        List<String> lines = summary().csv().lines().toList();
        assertEquals(5, lines.size());
        assertEquals("cell,model.reverseSource,seed,status,epochs,best_epoch,training_seconds,test_sequence_accuracy,"
                + "test_token_accuracy,test_loss,test_perplexity,test_sequence_accuracy_len_1-10,"
                + "test_sequence_accuracy_len_11-20", lines.get(0));
        assertTrue(lines.get(1).startsWith("reverseSource-false,false,1,finished,2,2,60.0000,0.400000,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("reverseSource-true,true,2,diverged at step 3,1,1,30.0000,,,,,,"),
                lines.get(4));
    }

    @Test
    void writesTablesAndPlots() throws Exception {
        AblationSummary s = summary();
        s.write();
        for (String f : List.of("summary.csv", "summary.md", "test_sequence_accuracy.png", "learning_curves.png",
                "by_source_length.png")) {
            assertTrue(java.nio.file.Files.size(s.plan().root().resolve(f)) > 0, f);
        }
    }
}
