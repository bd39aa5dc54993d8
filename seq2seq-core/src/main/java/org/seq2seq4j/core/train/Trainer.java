package org.seq2seq4j.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.config.LearningRateSchedule;
import org.seq2seq4j.core.config.TrainingConfig;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.decode.Decoder;
import org.seq2seq4j.core.eval.Evaluation;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teacher-forced training with the toolkit's own optimizer step: gradients from the graph, divided by the batch's
 * tokens or examples, clipped, applied to the flat parameter vector. After every epoch: dev loss and greedy-decoding
 * accuracy, learning-rate schedule, early stopping, and a checkpoint ({@code last}, and {@code best} when the
 * validation metric improved). The dev accuracy always uses greedy decoding with the decoding config's
 * {@code maxLength} and {@code batchSize}, whatever its strategy: it is a cheap model-selection signal, computed every
 * epoch; evaluation and translation use the configured strategy.
 *
 * <p>Reproducible on the CPU: epoch {@code e}'s batches come from {@link TrainingData#batches()} (uniformly shuffled by
 * default) with a seed mixed from (seed, e), and dropout at step {@code s} from ND4J's generator reseeded with
 * (seed, s), so a run resumed from a checkpoint takes the same steps as an uninterrupted one.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Seq2SeqModel model;
    private final TrainingConfig config;
    private final DecodingConfig decoding;
    private final long seed;
    private final TrainingData data;
    private final CheckpointStore store;
    private final CheckpointStore.Extras extras;
    private final TrainingListener listener;
    private final Optimizer optimizer;
    private final TrainingStep trainingStep;
    private TrainerState state;

    private Trainer(Seq2SeqModel model, TrainingConfig config, DecodingConfig decoding, long seed, TrainingData data,
                    CheckpointStore store, CheckpointStore.Extras extras, TrainingListener listener,
                    Optimizer optimizer, TrainerState state) {
        this.model = model;
        this.config = config;
        this.decoding = decoding;
        this.seed = seed;
        this.data = data;
        this.store = store;
        this.extras = extras;
        this.listener = listener;
        this.optimizer = optimizer;
        this.trainingStep = new TrainingStep(model, config, optimizer);
        this.state = state;
    }

    /** A trainer that starts from the model's current parameters. */
    public static Trainer start(Seq2SeqModel model, TrainingConfig config, DecodingConfig decoding, long seed,
                                TrainingData data, CheckpointStore store, CheckpointStore.Extras extras,
                                TrainingListener listener) {
        Optimizer opt = Optimizer.create(config.optimizer(), model.parameterCount(),
                model.graph().params().dataType());
        double worst = config.validationMetric() == ValidationMetric.DEV_LOSS ? Double.MAX_VALUE : -1;
        TrainerState s = new TrainerState(0, 0, config.optimizer().learningRate(), 0, worst, 0, 0, false);
        return new Trainer(model, config, decoding, seed, data, store, extras, listener, opt, s);
    }

    /** A trainer that continues from the store's last checkpoint (model, optimizer state and trainer state). */
    public static Trainer resume(TrainingConfig config, DecodingConfig decoding, long seed, TrainingData data,
                                 CheckpointStore store, CheckpointStore.Extras extras, TrainingListener listener) {
        Path last = store.resolve(CheckpointStore.LAST).orElseThrow(() -> new IllegalStateException(
                "no checkpoint to resume from in " + store.directory()));
        if (Seq2SeqModel.format(last) == 6) {
            // the optimizer's moments follow the parameter layout, which format 7 changed for the output projection
            throw new IllegalStateException("checkpoint " + last + " holds a model of format 6, whose output "
                    + "projection parameters this version lays out differently; its optimizer state cannot be "
                    + "resumed. The model itself loads for evaluation and translation; start a new run to train");
        }
        Seq2SeqModel model = Seq2SeqModel.load(last);
        Optimizer opt = Optimizer.create(config.optimizer(), model.parameterCount(),
                model.graph().params().dataType());
        CheckpointStore.readOptimizer(last, opt);
        TrainerState s = CheckpointStore.readState(last);
        LOG.info("resuming from {} (epoch {}, step {})", last, s.epoch(), s.step());
        return new Trainer(model, config, decoding, seed, data, store, extras, listener, opt, s);
    }

    public Seq2SeqModel model() {
        return model;
    }

    public TrainerState state() {
        return state;
    }

    /** Trains until the configured number of epochs or early stopping; returns the final state. */
    public TrainerState run() {
        while (state.epoch() < config.epochs() && !state.stopped()) {
            runEpoch(state.epoch() + 1);
        }
        return state;
    }

    private List<List<Integer>> batchesOf(int epoch) {
        return data.batches().batches(data.trainSources(), data.trainTargets(), config.batchSize(),
                epochSeed(seed, epoch));
    }

    private void runEpoch(int epoch) {
        List<List<Integer>> batches = batchesOf(epoch);
        double lr = state.learningRate();
        long step = state.step();
        double lossSum = 0;
        long tokens = 0;
        long nanos = 0;
        for (int bi = 0; bi < batches.size(); bi++) {
            List<int[]> src = new ArrayList<>();
            List<int[]> tgt = new ArrayList<>();
            for (int i : batches.get(bi)) {
                src.add(data.trainSources().get(i));
                tgt.add(data.trainTargets().get(i));
            }
            Batch b = model.batches().batch(src, tgt);
            long t0 = System.nanoTime();
            Nd4j.getRandom().setSeed(mix(seed, step));
            lossSum += trainingStep.run(b, lr, step);
            nanos += System.nanoTime() - t0;
            tokens += b.targetTokens();
            step++;
            double tps = tokens / (nanos / 1e9);
            double stepsLeft = (batches.size() - bi - 1) + (double) (config.epochs() - epoch) * batches.size();
            listener.onStep(new TrainingListener.StepProgress(epoch, config.epochs(), bi + 1, batches.size(), step,
                    lossSum / tokens, tps, stepsLeft * (nanos / 1e9) / (bi + 1)));
        }
        Decoder decoder = Decoder.of(new DecodingConfig(new DecodingConfig.Greedy(), decoding.maxLength(),
                decoding.batchSize()));
        Evaluation dev = Evaluation.of(model, data.devSources(), data.devTargets(), decoder, config.batchSize());
        Map<String, Double> scores = data.devScorer().score(dev.hypotheses());
        EpochMetrics metrics = new EpochMetrics(epoch, step, lr, lossSum / tokens, dev.loss(), dev.perplexity(),
                dev.metrics().tokenAccuracy(), dev.metrics().sequenceAccuracy(), dev.metrics().positionAccuracy(),
                nanos / 1e9, tokens / (nanos / 1e9), scores);
        double value = metrics.value(config.validationMetric());
        boolean improved = epoch == 1 || config.validationMetric().improves(value, state.bestMetric());
        int sinceBest = improved ? 0 : state.epochsWithoutImprovement() + 1;
        int plateau = improved ? 0 : state.plateauEpochs() + 1;
        double nextLr = config.schedule().next(lr, epoch, plateau);
        if (config.schedule() instanceof LearningRateSchedule.Plateau p && plateau >= p.patience()) {
            plateau = 0;
        }
        boolean stop = config.earlyStopping().enabled() && sinceBest >= config.earlyStopping().patience();
        state = new TrainerState(epoch, step, nextLr, improved ? epoch : state.bestEpoch(),
                improved ? value : state.bestMetric(), sinceBest, plateau, stop);
        store.save(model, optimizer, state, improved, extras);
        StringBuilder extra = new StringBuilder();
        scores.forEach((name, v) -> extra.append(' ').append(name).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.2f", v)));
        LOG.info("epoch {}: train loss {} | dev loss {} ppl {} | dev seq acc {} tok acc {}{} | {} tok/s{}{}", epoch,
                f(metrics.trainLoss()), f(dev.loss()), f(dev.perplexity()), f(dev.metrics().sequenceAccuracy()),
                f(dev.metrics().tokenAccuracy()), extra, Math.round(metrics.targetTokensPerSecond()),
                improved ? " (best)" : "", stop ? " — early stop" : "");
        listener.onEpoch(metrics, state);
    }

    private static String f(double x) {
        return String.format(java.util.Locale.ROOT, "%.4f", x);
    }

    /**
     * The seed handed to {@link EpochBatches#batches} for an epoch of a run with seed {@code seed}, so that others
     * (padding statistics, say) can reproduce the trainer's batches of that epoch.
     */
    public static long epochSeed(long seed, int epoch) {
        return mix(seed, epoch);
    }

    /** A well-mixed 64-bit seed from two values (SplitMix64 finaliser). */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
