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
import org.seq2seq4j.core.eval.Bleu;
import org.seq2seq4j.core.eval.BleuScore;
import org.seq2seq4j.core.eval.BleuStats;
import org.seq2seq4j.core.eval.ChrFScore;
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
        PreparedData data = PreparedData.prepare(config);
        run.create();
        String resolved = ExperimentLoader.toJson(config);
        AtomicFiles.writeString(run.config(), resolved);
        for (String split : List.of("train", "dev", "test")) {
            AtomicFiles.writeString(run.data(split), String.join("\n", PreparedData.lines(data.split(split))) + "\n");
        }
        data.statistics().ifPresent(statistics -> {
            AtomicFiles.write(run.statistics(), o -> Json.mapper().writeValue(o, statistics));
            LOG.info("{}: pairs kept {} of {} read, vocabularies {} / {} (test OOV {} / {}), padding {} shuffled, "
                            + "{} as trained", config.name(), statistics.pairs(), statistics.lengthFilter().input(),
                    statistics.vocabulary().source().size(), statistics.vocabulary().target().size(),
                    percent(statistics.vocabulary().source().oovRate().get("test")),
                    percent(statistics.vocabulary().target().oovRate().get("test")),
                    percent(statistics.padding().shuffled().ratio()), percent(statistics.padding().training().ratio()));
        });
        save(data.source(), run.sourceVocabulary());
        save(data.target(), run.targetVocabulary());
        RunManifest manifest = RunManifest.start(config.seed(), data.hashes(), commandLine);
        manifest.write(run.root());
        Seq2SeqModel model = Seq2SeqModel.create(config.model(), PreparedData.SYMBOLS, data.source().size(),
                data.target().size(), config.seed(), DataType.FLOAT);
        LOG.info("{}: {} parameters, vocabularies {} / {}, {} training examples", config.name(),
                model.parameterCount(), data.source().size(), data.target().size(), data.splits().train().size());
        Trainer trainer = Trainer.start(model, config.training(), config.decoding(), config.seed(),
                data.trainingData(config), run.checkpoints(),
                dir -> TrainedRun.writeExtras(dir, resolved, data.source(), data.target()), listener(config, run));
        trainer.run();
        return finish(run, config, manifest, data);
    }

    /** The config keys a resumed run may change: how long it trains, not what it trains. */
    static final List<String> RESUMABLE_KEYS = List.of("training.epochs", "training.earlyStopping.enabled",
            "training.earlyStopping.patience");

    /** Continues the run in {@code runDir} from its last checkpoint with its own config. */
    public EvaluationReport resume(Path runDir, List<String> commandLine) {
        return resume(runDir, List.of(), commandLine);
    }

    /**
     * Continues the run in {@code runDir} from its last checkpoint with its own config, changed by {@code --set}-style
     * overrides of {@link #RESUMABLE_KEYS} only (to train a finished run for more epochs, as OpenNMT-py's
     * {@code -train_from} with a larger {@code -train_steps}); the changed config replaces {@code config.json}.
     */
    public EvaluationReport resume(Path runDir, List<String> overrides, List<String> commandLine) {
        RunDirectory run = new RunDirectory(runDir).requireRun();
        for (String override : overrides) {
            String key = override.contains("=") ? override.substring(0, override.indexOf('=')).strip() : override;
            if (!RESUMABLE_KEYS.contains(key)) {
                throw new IllegalArgumentException("--set " + override + ": a resumed run keeps its config except "
                        + "for how long it trains (keys that may change: " + String.join(", ", RESUMABLE_KEYS) + ")");
            }
        }
        ExperimentConfig config = ExperimentLoader.load(run.config(), overrides);
        Path last = run.checkpoint(CheckpointStore.LAST);
        TrainedRun saved = TrainedRun.load(last);
        PreparedData data = PreparedData.prepare(config);
        if (!data.source().equals(saved.source()) || !data.target().equals(saved.target())) {
            throw new RunDirectoryException(runDir + ": the data generated from config.json no longer gives the "
                    + "vocabularies the run was trained with; the run cannot be resumed exactly");
        }
        TrainerState state = CheckpointStore.readState(last);
        MetricsLog.truncateAfter(run.metrics(), state.epoch());
        RunManifest manifest = RunManifest.start(config.seed(), data.hashes(), commandLine);
        manifest.write(run.root());
        String resolved = ExperimentLoader.toJson(config);
        if (!overrides.isEmpty()) {
            AtomicFiles.writeString(run.config(), resolved);
        }
        Trainer trainer = Trainer.resume(config.training(), config.decoding(), config.seed(), data.trainingData(config),
                run.checkpoints(), dir -> TrainedRun.writeExtras(dir, resolved, data.source(), data.target()),
                listener(config, run));
        trainer.run();
        return finish(run, config, manifest, data);
    }

    /** The best checkpoint on the test split (with the data already prepared), the results table, the manifest. */
    private EvaluationReport finish(RunDirectory run, ExperimentConfig config, RunManifest manifest,
                                    PreparedData data) {
        TrainedRun best = TrainedRun.load(run.checkpoint(CheckpointStore.BEST));
        EvaluationReport test = evaluate(run, best, data, "test", CheckpointStore.BEST, best.config().decoding());
        List<EpochMetrics> metrics = MetricsLog.read(run.metrics());
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("test sequence accuracy", test.sequenceAccuracy());
        scores.put("test token accuracy", test.tokenAccuracy());
        scores.put("test loss", test.loss());
        scores.put("test perplexity", test.perplexity());
        scores.put("test BLEU", test.bleu().score());
        scores.put("test " + test.chrF().name(), test.chrF().score());
        ResultsTable.write(run.root(), config.name(), metrics, scores, config.training().validationMetric());
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
     * Scores a checkpoint of a run on a split and writes into the run's evaluation directory {@code predictions.tsv}
     * (tokenized source, reference, hypothesis, correct), {@code hypotheses.txt} (the outputs detokenized by the
     * target tokenizer, one a line), {@code references.txt} (the reference texts: a corpus's raw target sentences)
     * and {@code scores.json}: accuracies, loss, and corpus BLEU and chrF of {@code hypotheses.txt} against
     * {@code references.txt} exactly as sacreBLEU computes them with its defaults (case-insensitive when the data is
     * lowercased), with their signatures, and BLEU by source length.
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
        return evaluate(run, trained, data, split, checkpoint, decoding);
    }

    private EvaluationReport evaluate(RunDirectory run, TrainedRun trained, PreparedData data, String split,
                                      String checkpoint, DecodingConfig decoding) {
        ExperimentConfig config = trained.config();
        List<SequencePair> pairs = data.split(split);
        List<int[]> sources = data.sourceIds(pairs);
        List<int[]> targets = data.targetIds(pairs);
        Evaluation e = Evaluation.of(trained.model(), sources, targets, Decoder.of(decoding),
                config.training().batchSize());
        Path out = run.evaluation(checkpoint, split);
        if (!decoding.equals(config.decoding())) {
            out = out.resolveSibling(out.getFileName() + "-" + label(decoding));
        }
        TranslationScores scoring = TranslationScores.of(config, data.codec());
        List<String> lines = new ArrayList<>();
        lines.add("source\treference\thypothesis\tcorrect");
        List<String> hypotheses = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            List<String> hyp = scoring.tokens(pairs.get(i).source(), e.hypotheses().get(i).tokens());
            boolean right = hyp.equals(pairs.get(i).target());
            hypotheses.add(scoring.text(hyp));
            lengths.add(sources.get(i).length);
            correct.add(right);
            lines.add(String.join(" ", pairs.get(i).source()) + "\t" + String.join(" ", pairs.get(i).target()) + "\t"
                    + String.join(" ", hyp) + "\t" + (right ? 1 : 0));
        }
        List<String> references = data.references().split(split);
        Bleu bleu = scoring.bleu();
        List<BleuStats> segments = bleu.corpusStats(hypotheses, List.of(references));
        BleuScore corpusBleu = bleu.score(BleuStats.sum(segments, bleu.options().maxNgramOrder()));
        ChrFScore chrF = scoring.chrF().corpusScore(hypotheses, List.of(references));
        EvaluationReport report = new EvaluationReport(split, checkpoint, label(decoding), pairs.size(),
                e.metrics().sequenceAccuracy(), e.metrics().tokenAccuracy(), e.loss(), e.perplexity(),
                e.metrics().positionAccuracy(), LengthBucketScore.bySourceLength(lengths, correct), corpusBleu, chrF,
                BleuBucketScore.bySourceLength(bleu, segments, lengths),
                DecodingDiagnostics.of(e.hypotheses(), sources, trained.model().targetVocabulary(),
                        config.model().copy()));
        AtomicFiles.writeString(out.resolve("predictions.tsv"), String.join("\n", lines) + "\n");
        AtomicFiles.writeString(out.resolve(RunDirectory.HYPOTHESES), String.join("\n", hypotheses) + "\n");
        AtomicFiles.writeString(out.resolve(RunDirectory.REFERENCES), String.join("\n", references) + "\n");
        AtomicFiles.write(out.resolve("scores.json"), o -> Json.mapper().writeValue(o, report));
        LOG.info("{} ({} checkpoint, {}): {}, {}", split, checkpoint, label(decoding), corpusBleu.format(),
                chrF.format());
        return report;
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
    }

    /**
     * {@code greedy-max50}, {@code beam5-lp0.6-max50} (with {@code -n3}, {@code -min2}, {@code -cp0.2} where not the
     * defaults): every setting that changes the outputs is in the name, so that one evaluation never overwrites
     * another's results.
     */
    static String label(DecodingConfig d) {
        String s;
        if (d.strategy() instanceof DecodingConfig.Beam b) {
            s = "beam" + b.beamSize() + "-lp" + b.lengthPenalty() + (b.nBest() > 1 ? "-n" + b.nBest() : "")
                    + (b.minLength() > 0 ? "-min" + b.minLength() : "")
                    + (b.coveragePenalty() > 0 ? "-cp" + b.coveragePenalty() : "");
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
