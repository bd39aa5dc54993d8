package org.seq2seq4j.core.model;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns id sequences into padded, masked {@link Batch}es. The one place that applies source reversal and the
 * begin/end-of-sequence convention: the decoder reads {@code <s> y1 .. yn} and predicts {@code y1 .. yn </s>}.
 */
public final class BatchFactory {

    private final Symbols symbols;
    private final boolean reverseSource;
    private final DataType dataType;
    private final int extendedFrom;
    private final boolean coverage;

    /** Batches for a model without copy and coverage. */
    public BatchFactory(Symbols symbols, boolean reverseSource, DataType dataType) {
        this(symbols, reverseSource, dataType, -1, false);
    }

    /**
     * @param extendedFrom for a copy model, the target vocabulary size {@code V}: ids from {@code V} on are extended
     *                     ids (the source's own out-of-vocabulary tokens), which the embeddings read as unknown and the
     *                     copy input and the labels keep; {@code -1} for other models
     * @param coverage     whether the model has a coverage loss output ({@link Batch#coverage()})
     */
    public BatchFactory(Symbols symbols, boolean reverseSource, DataType dataType, int extendedFrom,
                        boolean coverage) {
        if (extendedFrom >= 0 && symbols.unk() < 0) {
            throw new IllegalArgumentException("a copy model needs an unknown-token id in its symbols: " + symbols);
        }
        this.symbols = symbols;
        this.reverseSource = reverseSource;
        this.dataType = dataType;
        this.extendedFrom = extendedFrom;
        this.coverage = coverage;
    }

    /** Whether the batches are a copy model's (with extended ids). */
    public boolean copy() {
        return extendedFrom >= 0;
    }

    /** The id an embedding reads for {@code id}: unknown for an extended id of a copy model, else {@code id}. */
    public int embeddingId(int id) {
        return extendedFrom >= 0 && id >= extendedFrom ? symbols.unk() : id;
    }

    /** A training or evaluation batch. Sequences must not contain begin/end markers. */
    public Batch batch(List<int[]> sources, List<int[]> targets) {
        if (sources.size() != targets.size() || sources.isEmpty()) {
            throw new IllegalArgumentException("need the same positive number of sources and targets, got "
                    + sources.size() + " and " + targets.size());
        }
        INDArray[] src = sources(sources);
        int b = targets.size();
        int tt = 1;
        for (int[] t : targets) {
            tt = Math.max(tt, t.length + 1);
        }
        float[][] in = new float[b][tt];
        float[][] out = new float[b][tt];
        float[][] mask = new float[b][tt];
        long tokens = 0;
        for (int i = 0; i < b; i++) {
            int[] t = targets.get(i);
            java.util.Arrays.fill(in[i], symbols.pad());
            java.util.Arrays.fill(out[i], symbols.pad());
            in[i][0] = symbols.bos();
            for (int j = 0; j < t.length; j++) {
                in[i][j + 1] = embeddingId(t[j]);
                out[i][j] = t[j];
            }
            out[i][t.length] = symbols.eos();
            for (int j = 0; j <= t.length; j++) {
                mask[i][j] = 1;
            }
            tokens += t.length + 1;
        }
        INDArray labels = Nd4j.create(out).castTo(dataType).reshape('c', b, 1, tt);
        return new Batch(src[0], src[1], Nd4j.create(in).castTo(dataType), labels,
                Nd4j.create(mask).castTo(dataType), tokens, copy() ? src[2] : null, coverage);
    }

    /**
     * Source ids {@code [B, Ts]} (reversed if configured) and their mask, and for a copy model the extended ids in the
     * same order (the ids read as unknown in the first array). Empty sources are rejected.
     */
    public INDArray[] sources(List<int[]> sources) {
        int b = sources.size();
        int ts = 1;
        for (int i = 0; i < b; i++) {
            if (sources.get(i).length == 0) {
                throw new IllegalArgumentException("source " + i + " of the batch is empty");
            }
            ts = Math.max(ts, sources.get(i).length);
        }
        float[][] ids = new float[b][ts];
        float[][] extended = new float[b][ts];
        float[][] mask = new float[b][ts];
        for (int i = 0; i < b; i++) {
            int[] s = sourceOrder(sources.get(i));
            java.util.Arrays.fill(ids[i], symbols.pad());
            java.util.Arrays.fill(extended[i], symbols.pad());
            for (int j = 0; j < s.length; j++) {
                ids[i][j] = embeddingId(s[j]);
                extended[i][j] = s[j];
                mask[i][j] = 1;
            }
        }
        INDArray idArray = Nd4j.create(ids).castTo(dataType);
        INDArray maskArray = Nd4j.create(mask).castTo(dataType);
        return copy() ? new INDArray[]{idArray, maskArray, Nd4j.create(extended).castTo(dataType)}
                : new INDArray[]{idArray, maskArray};
    }

    /** The source as the encoder reads it: reversed if the model reverses sources. */
    public int[] sourceOrder(int[] source) {
        if (!reverseSource) {
            return source;
        }
        int[] r = new int[source.length];
        for (int i = 0; i < source.length; i++) {
            r[i] = source[source.length - 1 - i];
        }
        return r;
    }

    /** The original position of encoder input position {@code i} in a source of {@code length} tokens. */
    public int sourcePosition(int i, int length) {
        return reverseSource ? length - 1 - i : i;
    }
}
