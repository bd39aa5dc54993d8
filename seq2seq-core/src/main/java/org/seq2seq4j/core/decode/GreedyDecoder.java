package org.seq2seq4j.core.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.io.Workspaces;
import org.seq2seq4j.core.linalg.RowSoftmax;
import org.seq2seq4j.core.model.DecoderState;
import org.seq2seq4j.core.model.Seq2SeqModel;

/**
 * Greedy decoding: encode a batch once, then at every step feed each row its own previous best token and keep the
 * decoder state (never re-running the graph). A row stops at end-of-sequence; the batch stops when every row has
 * stopped or at the length limit. Sources are decoded in batches of similar length and returned in input order.
 */
public final class GreedyDecoder implements Decoder {

    private final int maxLength;
    private final int batchSize;

    /**
     * @param maxLength maximum output tokens per sentence, not counting end-of-sequence
     * @param batchSize sentences decoded together
     */
    public GreedyDecoder(int maxLength, int batchSize) {
        this.maxLength = maxLength;
        this.batchSize = batchSize;
    }

    /** Decodes every source (ids without markers, in original order). */
    @Override
    public List<Hypothesis> decode(Seq2SeqModel model, List<int[]> sources) {
        Integer[] order = new Integer[sources.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> sources.get(i).length));
        Hypothesis[] out = new Hypothesis[sources.size()];
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<int[]> chunk = new ArrayList<>();
            for (int k = start; k < end; k++) {
                chunk.add(sources.get(order[k]));
            }
            List<Hypothesis> decoded = decodeBatch(model, chunk);
            for (int k = start; k < end; k++) {
                out[order[k]] = decoded.get(k - start);
            }
        }
        return Arrays.asList(out);
    }

    /** Decodes one batch together. */
    public List<Hypothesis> decodeBatch(Seq2SeqModel model, List<int[]> sources) {
        int b = sources.size();
        int eos = model.symbols().eos();
        DecoderState state = model.start(model.encode(sources));
        int[] previous = new int[b];
        Arrays.fill(previous, model.symbols().bos());
        List<List<Integer>> tokens = new ArrayList<>();
        List<List<Double>> generation = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            tokens.add(new ArrayList<>());
            generation.add(new ArrayList<>());
        }
        double[] score = new double[b];
        boolean[] done = new boolean[b];
        int remaining = b;
        try (var ws = Workspaces.loop("seq2seq4j-decode")) {
        for (int t = 0; t <= maxLength && remaining > 0; t++) {
            Seq2SeqModel.Step step = model.step(state, previous);
            state = step.state();
            RowSoftmax.Best best = step.best();
            double[] gen = step.generation() == null ? null : step.generation().reshape(b).toDoubleVector();
            for (int i = 0; i < b; i++) {
                if (done[i]) {
                    previous[i] = eos;
                    continue;
                }
                // the last allowed step may only end the sentence
                int next = t == maxLength ? eos : best.ids()[i];
                score[i] += next == best.ids()[i] ? best.logProbabilities()[i] : step.logProbability(i, next);
                if (next == eos) {
                    done[i] = true;
                    remaining--;
                } else {
                    tokens.get(i).add(next);
                    if (gen != null) {
                        generation.get(i).add(gen[i]);
                    }
                }
                previous[i] = next;
            }
        }
        }
        List<Hypothesis> out = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            int[] ids = tokens.get(i).stream().mapToInt(Integer::intValue).toArray();
            double[] g = model.config().copy() ? generation.get(i).stream().mapToDouble(Double::doubleValue).toArray()
                    : null;
            out.add(new Hypothesis(ids, score[i], done[i], g));
        }
        return out;
    }
}
