package org.seq2seq4j.experiments.ablation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.train.EpochMetrics;
import org.seq2seq4j.core.train.TrainerState;
import org.seq2seq4j.core.train.TrainingDivergedException;
import org.seq2seq4j.core.train.TrainingListener;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;
import org.seq2seq4j.experiments.report.MetricsLog;
import org.seq2seq4j.experiments.report.RunManifest;
import org.seq2seq4j.experiments.run.EvaluationReport;
import org.seq2seq4j.experiments.run.ExperimentRunner;
import org.seq2seq4j.experiments.run.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link AblationPlan}: every run that has not finished, on {@code jobs} worker threads, then the summary
 * ({@link AblationSummary}). Where a run already finished (its test scores and finished manifest are on disk) it is
 * read, not repeated; where it stopped after a checkpoint it is resumed (with the same result as an uninterrupted run);
 * where it stopped before its first checkpoint it starts again. A run directory holding a run of a different config is
 * an error, never overwritten.
 *
 * <p>Runs on parallel workers give the same results as one after another: every run seeds its own data, parameters,
 * batch order and dropout, and ND4J's random generator is per thread.
 */
public final class AblationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AblationRunner.class);

    /** Where a run stands on disk. */
    public enum Status {
        /** Test scores written and the manifest finished. */
        FINISHED,
        /** Stopped after a checkpoint: resumed. */
        RESUMABLE,
        /** Failed (diverged, I/O error) with the reason in {@value #FAILURE_FILE}: reported, not repeated. */
        FAILED,
        /** Not started, or stopped before its first checkpoint: trained from the start. */
        NEW
    }

    /** Written into a run directory whose training failed (divergence, I/O), with the reason. */
    public static final String FAILURE_FILE = "failed.txt";

    private final int jobs;

    /** @param jobs runs trained at once (each on its own thread) */
    public AblationRunner(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        this.jobs = jobs;
    }

    /** Where a planned run stands; fails if its directory holds a run of another config. */
    public static Status status(AblationPlan.Run run) {
        RunDirectory dir = new RunDirectory(run.directory());
        if (!Files.isRegularFile(dir.config())) {
            return Status.NEW;
        }
        ExperimentConfig stored = ExperimentLoader.load(dir.config(), List.of());
        if (!stored.equals(run.experiment())) {
            throw new AblationException(run.directory() + " holds a run of a different config (first difference at "
                    + firstDifference(ExperimentLoader.toJson(stored), ExperimentLoader.toJson(run.experiment()))
                    + "); the ablation file changed since it ran. Move that directory away or set another outputDir "
                    + "in the ablation file");
        }
        Path scores = dir.evaluation(org.seq2seq4j.core.train.CheckpointStore.BEST, "test").resolve("scores.json");
        if (Files.isRegularFile(scores) && Files.isRegularFile(dir.manifest())
                && RunManifest.read(dir.manifest()).hasFinished()) {
            return Status.FINISHED;
        }
        if (Files.isRegularFile(run.directory().resolve(FAILURE_FILE))) {
            return Status.FAILED;
        }
        return dir.hasCheckpoint() ? Status.RESUMABLE : Status.NEW;
    }

    /**
     * Trains what is missing and writes the summary.
     *
     * @param commandLine the command that started the ablation, recorded in every run's manifest
     * @return the outcome of every run, in plan order
     */
    public AblationSummary run(AblationPlan plan, List<String> commandLine) {
        Instant start = Instant.now();
        List<AblationPlan.Run> todo = new ArrayList<>();
        for (AblationPlan.Run r : plan.runs()) {
            Status s = status(r);
            if (s == Status.FAILED) {
                LOG.warn("{}: failed in an earlier invocation ({}); delete {} to train it again", r.id(),
                        read(r.directory().resolve(FAILURE_FILE)), r.directory().resolve(FAILURE_FILE));
            } else if (s != Status.FINISHED) {
                todo.add(r);
            }
        }
        writePlan(plan);
        LOG.info("ablation {}: {} cells x {} seeds = {} runs, {} to train, {} job(s)", plan.config().name(),
                plan.cells().size(), plan.config().seeds().size(), plan.runs().size(), todo.size(), jobs);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "ablation-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (AblationPlan.Run r : todo) {
                futures.add(pool.submit(() -> {
                    train(r, commandLine);
                    LOG.info("ablation {}: {}/{} runs trained ({} done)", plan.config().name(), done.incrementAndGet(),
                            todo.size(), r.id());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AblationException("ablation " + plan.config().name() + " was interrupted; run it again to "
                    + "continue where it stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        AblationSummary summary = AblationSummary.of(plan, collect(plan), Duration.between(start, Instant.now()));
        summary.write();
        return summary;
    }

    /** The outcome of every planned run as it stands on disk (nothing is trained). */
    public static List<RunOutcome> collect(AblationPlan plan) {
        List<RunOutcome> out = new ArrayList<>();
        for (AblationPlan.Run r : plan.runs()) {
            RunDirectory dir = new RunDirectory(r.directory());
            List<EpochMetrics> epochs = Files.isRegularFile(dir.metrics()) ? MetricsLog.read(dir.metrics()) : List.of();
            Path failure = r.directory().resolve(FAILURE_FILE);
            if (status(r) == Status.FINISHED) {
                Path scores = dir.evaluation(org.seq2seq4j.core.train.CheckpointStore.BEST, "test")
                        .resolve("scores.json");
                out.add(new RunOutcome(r, EvaluationReport.read(scores), epochs, null));
            } else {
                out.add(new RunOutcome(r, null, epochs, Files.isRegularFile(failure) ? read(failure) : "not run"));
            }
        }
        return out;
    }

    private static void train(AblationPlan.Run r, List<String> commandLine) {
        ExperimentRunner runner = new ExperimentRunner(epochLog(r));
        Path failure = r.directory().resolve(FAILURE_FILE);
        try {
            Status s = status(r);
            if (s == Status.RESUMABLE) {
                LOG.info("{}: resuming from its last checkpoint", r.id());
                runner.resume(r.directory(), commandLine);
            } else if (s == Status.NEW) {
                deleteIncomplete(r.directory());
                LOG.info("{}: training", r.id());
                runner.train(r.experiment(), commandLine);
            }
        } catch (TrainingDivergedException | UncheckedIOException e) {
            LOG.error("{}: failed: {}", r.id(), e.getMessage());
            AtomicFiles.writeString(failure, e.getMessage() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run directory with a config but no checkpoint holds nothing trained: it is cleared for a fresh start. */
    private static void deleteIncomplete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (new RunDirectory(dir).hasCheckpoint()) {
            throw new AblationException(dir + " has a checkpoint; it would be resumed, not cleared");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Iterator<Path> it = walk.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); ) {
                Files.delete(it.next());
            }
        }
    }

    private static TrainingListener epochLog(AblationPlan.Run r) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m, TrainerState state) {
                LOG.info(String.format(Locale.ROOT, "%s: epoch %d/%d, train loss %.4f, dev loss %.4f, dev exact match "
                                + "%.1f%%, %.0f s, %.0f tok/s", r.id(), m.epoch(), r.experiment().training().epochs(),
                        m.trainLoss(), m.devLoss(), 100 * m.devSequenceAccuracy(), m.epochSeconds(),
                        m.targetTokensPerSecond()));
            }
        };
    }

    /** Copies the ablation file into the output directory and lists the planned runs. */
    private static void writePlan(AblationPlan plan) {
        try {
            Files.createDirectories(plan.root());
            AtomicFiles.writeString(plan.root().resolve("ablation.json"), Files.readString(plan.source()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + plan.root() + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "failed (" + file + " unreadable)";
        }
    }

    /** The dotted path of the first value that differs between two JSON documents. */
    static String firstDifference(String a, String b) {
        try {
            String d = difference(Json.mapper().readTree(a), Json.mapper().readTree(b), "");
            return d == null ? "(none)" : d.isEmpty() ? "(root)" : d;
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    private static String difference(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            var names = new java.util.TreeSet<String>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String p = path.isEmpty() ? n : path + "." + n;
                if (!a.has(n) || !b.has(n)) {
                    return p;
                }
                String d = difference(a.get(n), b.get(n), p);
                if (d != null) {
                    return d;
                }
            }
        }
        return path;
    }
}
