package org.seq2seq4j.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.decode.Decoder;
import org.seq2seq4j.core.eval.Evaluation;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.train.CheckpointStore;
import org.seq2seq4j.core.train.EpochMetrics;
import org.seq2seq4j.core.train.Trainer;
import org.seq2seq4j.core.train.TrainerState;
import org.seq2seq4j.core.train.TrainingListener;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.vocab.Vocabulary;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;
import org.seq2seq4j.experiments.report.LearningCurvePlots;
import org.seq2seq4j.experiments.report.MetricsLog;
import org.seq2seq4j.experiments.report.ResultsTable;
import org.seq2seq4j.experiments.report.RunManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs experiments end to end: data, model, training with per-epoch metrics, plots and checkpoints, then the best
 * checkpoint on the test split; evaluation of a saved run on any split.
 */
public final class ExperimentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final TrainingListener progress;

    /** @param progress receives step and epoch progress (for example {@link ConsoleProgress}) */
    public ExperimentRunner(TrainingListener progress) {
        this.progress = progress;
    }

    /**
     * Trains a new run into the config's output directory, which must not already hold a run (nothing is
     * overwritten: resume it or choose another directory). Returns the test-split report of the best checkpoint.
     */
    public EvaluationReport train(ExperimentConfig config, List<String> commandLine) {
        RunDirectory run = new RunDirectory(Path.of(config.outputDir()));
        if (Files.exists(run.config()) || run.hasCheckpoint()) {
            throw new RunDirectoryException(run.root() + " already holds a run; continue it with `train --resume "
                    + run.root() + "` or set another outputDir (for example --set outputDir=" + run.root() + "-2)");
        }
        run.create();
        PreparedData data = PreparedData.prepare(config);
        String resolved = ExperimentLoader.toJson(config);
        AtomicFiles.writeString(run.config(), resolved);
        for (String split : List.of("train", "dev", "test")) {
            AtomicFiles.writeString(run.data(split), String.join("\n", PreparedData.lines(data.split(split))) + "\n");
        }
        save(data.source(), run.sourceVocabulary());
        save(data.target(), run.targetVocabulary());
        RunManifest manifest = RunManifest.start(config.seed(), data.hashes(), commandLine);
        manifest.write(run.root());
        Seq2SeqModel model = Seq2SeqModel.create(config.model(), PreparedData.SYMBOLS, data.source().size(),
                data.target().size(), config.seed(), DataType.FLOAT);
        LOG.info("{}: {} parameters, vocabularies {} / {}, {} training examples", config.name(),
                model.parameterCount(), data.source().size(), data.target().size(), data.splits().train().size());
        Trainer trainer = Trainer.start(model, config.training(), config.decoding(), config.seed(),
                data.trainingData(), run.checkpoints(),
                dir -> TrainedRun.writeExtras(dir, resolved, data.source(), data.target()), listener(config, run));
        trainer.run();
        return finish(run, config, manifest);
    }

    /** Continues the run in {@code runDir} from its last checkpoint with its own config. */
    public EvaluationReport resume(Path runDir, List<String> commandLine) {
        RunDirectory run = new RunDirectory(runDir).requireRun();
        ExperimentConfig config = ExperimentLoader.load(run.config(), List.of());
        Path last = run.checkpoint(CheckpointStore.LAST);
        TrainedRun saved = TrainedRun.load(last);
        PreparedData data = PreparedData.withVocabularies(config, saved.source(), saved.target());
        PreparedData fresh = PreparedData.prepare(config);
        if (!fresh.source().equals(saved.source()) || !fresh.target().equals(saved.target())) {
            throw new RunDirectoryException(runDir + ": the data generated from config.json no longer gives the "
                    + "vocabularies the run was trained with; the run cannot be resumed exactly");
        }
        TrainerState state = CheckpointStore.readState(last);
        MetricsLog.truncateAfter(run.metrics(), state.epoch());
        RunManifest manifest = RunManifest.start(config.seed(), data.hashes(), commandLine);
        manifest.write(run.root());
        String resolved = ExperimentLoader.toJson(config);
        Trainer trainer = Trainer.resume(config.training(), config.decoding(), config.seed(), data.trainingData(),
                run.checkpoints(), dir -> TrainedRun.writeExtras(dir, resolved, data.source(), data.target()),
                listener(config, run));
        trainer.run();
        return finish(run, config, manifest);
    }

    private EvaluationReport finish(RunDirectory run, ExperimentConfig config, RunManifest manifest) {
        EvaluationReport test = evaluate(run.root(), "test", CheckpointStore.BEST);
        List<EpochMetrics> metrics = MetricsLog.read(run.metrics());
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("test sequence accuracy", test.sequenceAccuracy());
        scores.put("test token accuracy", test.tokenAccuracy());
        scores.put("test loss", test.loss());
        scores.put("test perplexity", test.perplexity());
        ResultsTable.write(run.root(), config.name(), metrics, scores);
        manifest.finish().write(run.root());
        return test;
    }

    private TrainingListener listener(ExperimentConfig config, RunDirectory run) {
        MetricsLog log = MetricsLog.inRunDir(run.root());
        return new TrainingListener() {
            @Override
            public void onStep(StepProgress p) {
                progress.onStep(p);
            }

            @Override
            public void onEpoch(EpochMetrics metrics, TrainerState state) {
                progress.onEpoch(metrics, state);
                log.append(metrics);
                LearningCurvePlots.writeAll(MetricsLog.read(run.metrics()), run.root(), config.name());
            }
        };
    }

    /**
     * Scores a checkpoint of a run on a split and writes {@code predictions.tsv} (source, reference, hypothesis,
     * correct) and {@code scores.json} into the run's evaluation directory.
     */
    public EvaluationReport evaluate(Path runDir, String split, String checkpoint) {
        return evaluate(runDir, split, checkpoint, List.of());
    }

    /**
     * {@link #evaluate(Path, String, String)} with the decoding changed by {@code --set}-style overrides of
     * {@code decoding.*} keys; a decoding other than the run's writes into {@code <split>-<decoding>/} (for example
     * {@code test-beam5-lp0.6/}), so the run's own evaluation is kept.
     */
    public EvaluationReport evaluate(Path runDir, String split, String checkpoint, List<String> decodingOverrides) {
        RunDirectory run = new RunDirectory(runDir).requireRun();
        TrainedRun trained = TrainedRun.load(run.checkpoint(checkpoint));
        ExperimentConfig config = trained.config();
        DecodingConfig decoding = trained.decoding(decodingOverrides);
        PreparedData data = PreparedData.withVocabularies(config, trained.source(), trained.target());
        List<SequencePair> pairs = data.split(split);
        List<int[]> sources = data.sourceIds(pairs);
        List<int[]> targets = data.targetIds(pairs);
        Evaluation e = Evaluation.of(trained.model(), sources, targets, Decoder.of(decoding),
                config.training().batchSize());
        Path out = run.evaluation(checkpoint, split);
        if (!decoding.equals(config.decoding())) {
            out = out.resolveSibling(out.getFileName() + "-" + label(decoding));
        }
        List<String> lines = new ArrayList<>();
        lines.add("source\treference\thypothesis\tcorrect");
        List<Integer> lengths = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            List<String> hyp = trained.target().decode(e.hypotheses().get(i).tokens());
            boolean right = hyp.equals(pairs.get(i).target());
            lengths.add(sources.get(i).length);
            correct.add(right);
            lines.add(String.join(" ", pairs.get(i).source()) + "\t" + String.join(" ", pairs.get(i).target()) + "\t"
                    + String.join(" ", hyp) + "\t" + (right ? 1 : 0));
        }
        EvaluationReport report = new EvaluationReport(split, checkpoint, label(decoding), pairs.size(),
                e.metrics().sequenceAccuracy(), e.metrics().tokenAccuracy(), e.loss(), e.perplexity(),
                e.metrics().positionAccuracy(), LengthBucketScore.bySourceLength(lengths, correct));
        AtomicFiles.writeString(out.resolve("predictions.tsv"), String.join("\n", lines) + "\n");
        AtomicFiles.write(out.resolve("scores.json"), o -> Json.mapper().writeValue(o, report));
        return report;
    }

    /** {@code greedy-max50}, {@code beam5-lp0.6-max50} (with {@code -n3}, {@code -min2} where not the defaults). */
    static String label(DecodingConfig d) {
        String s;
        if (d.strategy() instanceof DecodingConfig.Beam b) {
            s = "beam" + b.beamSize() + "-lp" + b.lengthPenalty() + (b.nBest() > 1 ? "-n" + b.nBest() : "")
                    + (b.minLength() > 0 ? "-min" + b.minLength() : "");
        } else {
            s = "greedy";
        }
        return s + "-max" + d.maxLength();
    }

    private static void save(Vocabulary v, Path file) {
        try {
            v.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
