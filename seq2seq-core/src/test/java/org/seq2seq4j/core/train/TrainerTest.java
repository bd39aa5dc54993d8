package org.seq2seq4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.config.EarlyStopping;
import org.seq2seq4j.core.config.GradientClipping;
import org.seq2seq4j.core.config.LearningRateSchedule;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.config.Normalization;
import org.seq2seq4j.core.config.OptimizerConfig;
import org.seq2seq4j.core.config.TrainingConfig;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.TinyModels;
import org.seq2seq4j.core.testing.ToyBatches;

class TrainerTest {

    private static final int VOCAB = 10;
    /** With dropout, so that resumption must restore the random stream too. */
    private static final ModelConfig MODEL = new ModelConfig(CellType.LSTM, 8, 16, 1, 1, false, false, false,
            DecoderInit.LAST, true, AttentionType.NONE, false, 0.1, 0.1);
    private static final DecodingConfig DECODING = new DecodingConfig(new DecodingConfig.Greedy(), 10, 32);

    private static TrainingConfig training(int epochs) {
        return new TrainingConfig(epochs, 16, new OptimizerConfig.Adam(0.01, 0.9, 0.999, 1e-8),
                new LearningRateSchedule.Exponential(0.9), new GradientClipping.Norm(5), Normalization.TOKENS,
                ValidationMetric.DEV_LOSS, new EarlyStopping(false, 1));
    }

    /** Copy task: the target is the source. */
    private static TrainingData copyData() {
        List<int[]> train = ToyBatches.sequences(96, 1, 5, VOCAB, 1);
        List<int[]> dev = ToyBatches.sequences(16, 1, 5, VOCAB, 2);
        return new TrainingData(train, new ArrayList<>(train), dev, new ArrayList<>(dev));
    }

    private static Seq2SeqModel fresh() {
        return Seq2SeqModel.create(MODEL, TinyModels.SYMBOLS, VOCAB, VOCAB, 42, DataType.FLOAT);
    }

    private static Trainer trainer(Seq2SeqModel m, int epochs, Path dir, List<EpochMetrics> log) {
        return Trainer.start(m, training(epochs), DECODING, 42, copyData(), new CheckpointStore(dir), d -> { },
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics metrics, TrainerState state) {
                        log.add(metrics);
                    }
                });
    }

    @Test
    void lossFallsAndCheckpointsPointToTheRightEpochs(@TempDir Path dir) {
        List<EpochMetrics> log = new ArrayList<>();
        TrainerState s = trainer(fresh(), 4, dir, log).run();
        assertEquals(4, s.epoch());
        assertEquals(4 * 6, s.step());
        assertTrue(log.get(3).trainLoss() < log.get(0).trainLoss() * 0.9, "train loss " + log);
        assertEquals(0.01 * Math.pow(0.9, 4), s.learningRate(), 1e-12);
        CheckpointStore store = new CheckpointStore(dir);
        assertEquals("epoch-0004", store.resolve(CheckpointStore.LAST).orElseThrow().getFileName().toString());
        assertEquals(String.format("epoch-%04d", s.bestEpoch()),
                store.resolve(CheckpointStore.BEST).orElseThrow().getFileName().toString());
    }

    /** Format 7 transposed the output projection's parameter; a format-6 checkpoint's optimizer state would not fit. */
    @Test
    void checkpointOfFormat6IsNotResumed(@TempDir Path dir) throws java.io.IOException {
        trainer(fresh(), 1, dir, new ArrayList<>()).run();
        CheckpointStore store = new CheckpointStore(dir);
        Path meta = store.resolve(CheckpointStore.LAST).orElseThrow().resolve("model.json");
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(meta.toFile());
        node.put("schema", 6);
        Json.mapper().writeValue(meta.toFile(), node);
        var e = assertThrows(IllegalStateException.class, () -> Trainer.resume(training(2), DECODING, 42,
                copyData(), store, d -> { }, new TrainingListener() { }));
        assertTrue(e.getMessage().contains("format 6") && e.getMessage().contains("start a new run"),
                e.getMessage());
    }

    @Test
    void batchesComeFromTheTrainingDataWithTheEpochSeed(@TempDir Path dir) {
        TrainingData copy = copyData();
        List<Long> seeds = new ArrayList<>();
        TrainingData oneByOne = new TrainingData(copy.trainSources(), copy.trainTargets(), copy.devSources(),
                copy.devTargets(), (sources, targets, batchSize, seed) -> {
                    seeds.add(seed);
                    return java.util.stream.IntStream.range(0, sources.size()).mapToObj(List::of).toList();
                });

        TrainerState s = Trainer.start(fresh(), training(1), DECODING, 42, oneByOne, new CheckpointStore(dir),
                d -> { }, new TrainingListener() { }).run();

        assertEquals(96, s.step(), "one step per single-example batch");
        assertEquals(List.of(Trainer.epochSeed(42, 1)), seeds);
    }

    @Test
    void sameSeedGivesIdenticalRuns(@TempDir Path a, @TempDir Path b) {
        Trainer t1 = trainer(fresh(), 2, a, new ArrayList<>());
        Trainer t2 = trainer(fresh(), 2, b, new ArrayList<>());
        t1.run();
        t2.run();
        assertEquals(t1.model().graph().params(), t2.model().graph().params());
    }

    @Test
    void resumedRunEndsWhereAnUninterruptedRunEnds(@TempDir Path straight, @TempDir Path interrupted) {
        Trainer full = trainer(fresh(), 3, straight, new ArrayList<>());
        full.run();
        trainer(fresh(), 1, interrupted, new ArrayList<>()).run();
        Trainer resumed = Trainer.resume(training(3), DECODING, 42, copyData(), new CheckpointStore(interrupted),
                d -> { }, new TrainingListener() { });
        TrainerState s = resumed.run();
        assertEquals(3, s.epoch());
        assertEquals(full.state(), s);
        assertEquals(full.model().graph().params(), resumed.model().graph().params());
    }

    @Test
    void differentSeedsGiveDifferentRuns(@TempDir Path a, @TempDir Path b) {
        Trainer t1 = trainer(fresh(), 1, a, new ArrayList<>());
        Trainer t2 = Trainer.start(fresh(), training(1), DECODING, 43, copyData(), new CheckpointStore(b), d -> { },
                new TrainingListener() { });
        t1.run();
        t2.run();
        assertNotEquals(t1.model().graph().params(), t2.model().graph().params());
    }

    @Test
    void onlyReferencedCheckpointsAreKept(@TempDir Path dir) throws Exception {
        trainer(fresh(), 3, dir, new ArrayList<>()).run();
        long dirs;
        try (var s = Files.list(dir)) {
            dirs = s.filter(Files::isDirectory).count();
        }
        assertTrue(dirs <= 2, "last and best only, found " + dirs);
    }
}
