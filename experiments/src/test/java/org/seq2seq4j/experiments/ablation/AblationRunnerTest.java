package org.seq2seq4j.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.train.EpochMetrics;
import org.seq2seq4j.experiments.report.MetricsLog;

/** Ablations end to end on a tiny copy task: parallel runs, resumption, summaries, config changes. */
class AblationRunnerTest {

    private static final String AXES = "{\"model.reverseSource\": [false, true]}";

    private static List<Double> losses(AblationPlan.Run r) {
        return MetricsLog.read(r.directory().resolve("metrics.jsonl")).stream()
                .flatMap(m -> java.util.stream.Stream.of(m.trainLoss(), m.devLoss(), m.devSequenceAccuracy()))
                .toList();
    }

    @Test
    void parallelRunsEqualSequentialOnesAndFinishedRunsAreNotRepeated(@TempDir Path a, @TempDir Path b)
            throws Exception {
        AblationPlan parallel = AblationLoader.load(TinyAblation.ablation(a, AXES));
        AblationPlan sequential = AblationLoader.load(TinyAblation.ablation(b, AXES));
        AblationSummary s = new AblationRunner(2).run(parallel, List.of("ablate"));
        new AblationRunner(1).run(sequential, List.of("ablate"));

        assertEquals(4, s.outcomes().size());
        assertTrue(s.outcomes().stream().allMatch(RunOutcome::finished));
        for (int i = 0; i < 4; i++) {
            assertEquals(losses(sequential.runs().get(i)), losses(parallel.runs().get(i)), parallel.runs().get(i).id());
        }
        assertEquals(5, Files.readAllLines(parallel.root().resolve("summary.csv")).size());
        assertTrue(Files.readString(parallel.root().resolve("summary.md")).contains(" ± "));
        assertTrue(Files.exists(parallel.root().resolve("ablation.json")));

        Path metrics = parallel.runs().get(0).directory().resolve("metrics.jsonl");
        FileTime before = Files.getLastModifiedTime(metrics);
        parallel.runs().forEach(r -> assertEquals(AblationRunner.Status.FINISHED, AblationRunner.status(r)));
        AblationSummary again = new AblationRunner(2).run(AblationLoader.load(parallel.source()), List.of("ablate"));
        assertEquals(before, Files.getLastModifiedTime(metrics), "a finished run is read, not trained again");
        assertEquals(s.csv(), again.csv());
    }

    @Test
    void resumesAnInterruptedRunAndRefusesARunOfAnotherConfig(@TempDir Path dir) throws Exception {
        Path file = TinyAblation.ablation(dir, "{\"model.cell\": [\"gru\"]}");
        AblationPlan plan = AblationLoader.load(file);
        new AblationRunner(1).run(plan, List.of("ablate"));
        AblationPlan.Run r = plan.runs().get(1);
        List<EpochMetrics> epochs = MetricsLog.read(r.directory().resolve("metrics.jsonl"));
        Files.delete(r.directory().resolve("test").resolve("scores.json"));
        assertEquals(AblationRunner.Status.RESUMABLE, AblationRunner.status(r));

        AblationSummary s = new AblationRunner(1).run(plan, List.of("ablate"));
        assertTrue(s.outcomes().get(1).finished());
        assertEquals(epochs.size(), MetricsLog.read(r.directory().resolve("metrics.jsonl")).size());

        Files.writeString(file, Files.readString(file).replace("\"training.epochs\": 1", "\"training.epochs\": 3"));
        AblationException e = assertThrows(AblationException.class,
                () -> new AblationRunner(1).run(AblationLoader.load(file), List.of("ablate")));
        assertTrue(e.getMessage().contains("training.epochs") && e.getMessage().contains(r.directory().getParent()
                .toString()), e.getMessage());
    }
}
