package org.seq2seq4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.EarlyStopping;
import org.seq2seq4j.core.config.GradientClipping;
import org.seq2seq4j.core.config.LearningRateSchedule;
import org.seq2seq4j.core.config.Normalization;
import org.seq2seq4j.core.config.OptimizerConfig;
import org.seq2seq4j.core.config.TrainingConfig;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.model.Symbols;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.runtime.Backend;

/**
 * The model and data every model benchmark runs on: a one-layer LSTM encoder–decoder of the given sizes with random
 * parameters, and random token ids of a fixed shape, as the PyTorch peer ({@code ../shared/peers/torch_seq2seq.py})
 * builds them. The defaults are the benchmark reference configuration: vocabulary 8000 on both sides, embeddings 256,
 * hidden 256, batch 64, source and target length 20, no dropout.
 *
 * <p>Lengths are counted as the peer counts them: {@code length} source tokens and {@code length} decoder steps per
 * sentence (the target sequences hold {@code length - 1} tokens, so that with begin- and end-of-sequence the decoder
 * runs {@code length} steps and predicts {@code length} tokens).
 */
@State(Scope.Benchmark)
public class Seq2SeqWorkload {

    /** The data module's reserved ids (pad, begin, end); tokens are drawn from {@code [4, vocabulary)}. */
    static final Symbols SYMBOLS = new Symbols(0, 1, 2);
    static final long SEED = 42;

    @Param("8000")
    public int vocabulary;

    @Param("256")
    public int embedding;

    @Param("256")
    public int hidden;

    @Param("64")
    public int batch;

    @Param("20")
    public int length;

    /** {@code none}, {@code dot}, {@code general}, {@code additive}. */
    @Param({"none", "dot"})
    public String attention;

    /** The encoder; {@code dot} attention with a bidirectional encoder is the peer's second reference row. */
    @Param({"false", "true"})
    public boolean bidirectional;

    protected Seq2SeqModel model;
    protected List<int[]> sources;
    protected List<int[]> targets;
    protected Batch trainingBatch;

    @Setup
    public void createModel() {
        Backend.require(BenchmarkSuite.threads());
        ModelConfig config = modelConfig(AttentionType.valueOf(attention.toUpperCase(Locale.ROOT)), bidirectional,
                embedding, hidden);
        model = Seq2SeqModel.create(config, SYMBOLS, vocabulary, vocabulary, SEED, DataType.FLOAT);
        sources = sequences(batch, length, vocabulary, SEED + 1);
        targets = sequences(batch, length - 1, vocabulary, SEED + 2);
        trainingBatch = model.batches().batch(sources, targets);
    }

    /** The architecture of the reference configuration with the given encoder, attention and sizes. */
    static ModelConfig modelConfig(AttentionType attention, boolean bidirectional, int embedding, int hidden) {
        return new ModelConfig(CellType.LSTM, embedding, hidden, 1, 1, bidirectional, false, false, DecoderInit.LAST,
                false, attention, false, 0.0, 0.0);
    }

    /**
     * The training setup every benchmark of a training step uses: Adam (learning rate 0.001), a constant schedule,
     * token normalisation and the given clipping.
     */
    static TrainingConfig trainingConfig(int batch, GradientClipping clipping) {
        return new TrainingConfig(1, batch, new OptimizerConfig.Adam(1e-3, 0.9, 0.999, 1e-8),
                new LearningRateSchedule.Constant(), clipping, Normalization.TOKENS, ValidationMetric.DEV_LOSS,
                new EarlyStopping(false, 1));
    }

    /** {@code count} random id sequences of exactly {@code length} tokens from {@code [4, vocabulary)}. */
    static List<int[]> sequences(int count, int length, int vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(random.ints(length, 4, vocabulary).toArray());
        }
        return out;
    }
}
