package org.seq2seq4j.core.rnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The shape of a stack of recurrent layers: cell type, sizes, depth, direction and dropout.
 *
 * @param cell          LSTM or GRU
 * @param inputSize     features per input step
 * @param hiddenSize    features per output step; with {@code bidirectional} each direction has half of it
 *                      (the OpenNMT-py convention, so encoder output size does not depend on the direction switch)
 * @param layers        number of stacked layers, at least 1
 * @param bidirectional run every layer in both directions and concatenate (forward half first)
 * @param inputDropout  drop probability applied to the stack's input (embedding dropout)
 * @param layerDropout  drop probability applied between stacked layers
 * @param outputDropout drop probability applied to the top layer's output
 */
public record RecurrentStackSpec(CellType cell, int inputSize, int hiddenSize, int layers, boolean bidirectional,
                                 double inputDropout, double layerDropout, double outputDropout) {

    public RecurrentStackSpec {
        if (inputSize < 1 || hiddenSize < 1 || layers < 1) {
            throw new IllegalArgumentException("recurrent stack sizes must be positive: input " + inputSize
                    + ", hidden " + hiddenSize + ", layers " + layers);
        }
        if (bidirectional && hiddenSize % 2 != 0) {
            throw new IllegalArgumentException("a bidirectional stack needs an even hidden size (half per direction), got "
                    + hiddenSize);
        }
        for (double p : new double[]{inputDropout, layerDropout, outputDropout}) {
            if (p < 0 || p >= 1) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
            }
        }
    }

    /** Number of directions (1 or 2). */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Hidden size of one direction. */
    public int directionSize() {
        return hiddenSize / directions();
    }

    /** Input size of layer {@code l}. */
    public int layerInputSize(int layer) {
        return layer == 0 ? inputSize : hiddenSize;
    }

    /**
     * Parameter names and shapes in their order in the flat parameter vector: for every layer and direction
     * {@code W}, {@code U}, {@code b} and, for GRU, {@code bhn}. Names are {@code W_<layer><f|b>} etc.
     */
    public Map<String, long[]> paramShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        int gates = cell.cell().gateBlocks();
        long h = directionSize();
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < directions(); d++) {
                String key = l + (d == 0 ? "f" : "b");
                shapes.put("W_" + key, new long[]{layerInputSize(l), gates * h});
                shapes.put("U_" + key, new long[]{h, gates * h});
                shapes.put("b_" + key, new long[]{1, gates * h});
                if (cell == CellType.GRU) {
                    shapes.put("bhn_" + key, new long[]{1, h});
                }
            }
        }
        return shapes;
    }

    /** Total number of parameters. */
    public long numParams() {
        long n = 0;
        for (long[] s : paramShapes().values()) {
            n += s[0] * s[1];
        }
        return n;
    }

    /**
     * Cell parameters as views of {@code flat}, the stack's slice of the parameter vector ({@link #paramShapes()}
     * order), layer-major, each with its {@link CellParams#stacked} view.
     */
    public List<CellParams> cellParams(INDArray flat, Map<String, INDArray> table) {
        List<CellParams> plain = cellParams(table);
        var v = flat.reshape(flat.length());
        List<CellParams> out = new ArrayList<>();
        long offset = 0;
        int cellIndex = 0;
        var shapes = new ArrayList<>(paramShapes().entrySet());
        for (int k = 0; k < shapes.size(); k++) {
            if (!shapes.get(k).getKey().startsWith("W_")) {
                offset += shapes.get(k).getValue()[0] * shapes.get(k).getValue()[1];
                continue;
            }
            long[] w = shapes.get(k).getValue();
            long rows = w[0] + shapes.get(k + 1).getValue()[0] + 1;
            INDArray stacked = v.get(NDArrayIndex.interval(offset, offset + rows * w[1])).reshape('c', rows, w[1]);
            CellParams p = plain.get(cellIndex++);
            out.add(new CellParams(p.inputWeights(), p.recurrentWeights(), p.bias(), p.recurrentBias(), stacked));
            offset += w[0] * w[1];
        }
        return out;
    }

    /** Groups a name → array table (as from {@link #paramShapes()}) into cell parameters, layer-major. */
    public List<CellParams> cellParams(Map<String, INDArray> table) {
        List<CellParams> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < directions(); d++) {
                String key = l + (d == 0 ? "f" : "b");
                out.add(new CellParams(table.get("W_" + key), table.get("U_" + key), table.get("b_" + key),
                        table.get("bhn_" + key)));
            }
        }
        return out;
    }
}
