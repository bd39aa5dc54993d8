package org.seq2seq4j.attention;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.linalg.ElementFunctions;
import org.seq2seq4j.core.linalg.Elements;
import org.seq2seq4j.core.linalg.Layout;
import org.seq2seq4j.core.linalg.Products;

/**
 * {@link GlobalAttention} for one query per example: one decoding step, or one step of an input-fed decoder. The same
 * computation and parameters, written with broadcasting products and reductions over {@code [B, Ts, H]} instead of
 * batched matrix products, which ND4J runs as one small product per example (the dominant cost when attention runs
 * once per target step). What does not change between steps (the keys in {@code [B, Ts, H]} layout and, for
 * "additive", their projection {@code s W_2}) is prepared once ({@link #keys}); its gradient is accumulated over the
 * steps and converted once ({@link #encoderGradient}).
 *
 * <p>Tensors: query {@code [B, H]}, step mask {@code [B, 1]} (1 for a real target step), encoder states
 * {@code [B, H, Ts]}, source mask {@code [B, Ts]}, weights {@code [B, Ts]}, attentional state {@code [B, H]}.
 */
public final class SingleQueryAttention {

    /** Added to the scores of padded source positions, whose exponential is then exactly 0. */
    private static final double MASKED_SCORE = -1e9;
    /**
     * Coverage weights {@code w_cov}: {@code [H, 1]} for "dot" and "general", {@code [1, H]} for "additive"; see
     * {@link #forward}.
     */
    public static final String W_COV = "w_cov";

    private final AttentionType type;
    private final int hiddenSize;
    private final boolean coverage;

    public SingleQueryAttention(AttentionType type, int hiddenSize) {
        this(type, hiddenSize, false);
    }

    /**
     * @param coverage whether the scores read a coverage vector (Tu et al. 2016; See et al. 2017): the parameters
     *                 then include {@value #W_COV}
     */
    public SingleQueryAttention(AttentionType type, int hiddenSize, boolean coverage) {
        if (type == AttentionType.NONE) {
            throw new IllegalArgumentException("global attention needs a score type, not " + type);
        }
        this.type = type;
        this.hiddenSize = hiddenSize;
        this.coverage = coverage;
    }

    /** The shape of {@value #W_COV} for a score type. */
    public static long[] coverageShape(AttentionType type, int hiddenSize) {
        return type == AttentionType.ADDITIVE ? new long[]{1, hiddenSize} : new long[]{hiddenSize, 1};
    }

    /**
     * The encoder side, prepared once for all steps.
     *
     * @param encoder   encoder states {@code [B, H, Ts]}
     * @param keys      the same in {@code [B, Ts, H]}
     * @param mask      source mask {@code [B, Ts]} or null
     * @param projected "additive": {@code s W_2} {@code [B, Ts, H]}; otherwise null
     */
    public record Keys(INDArray encoder, INDArray keys, INDArray mask, INDArray projected) {

        /** The same record with every array passed through {@code f}. */
        public Keys map(UnaryOperator<INDArray> f) {
            return new Keys(f.apply(encoder), f.apply(keys), mask == null ? null : f.apply(mask),
                    projected == null ? null : f.apply(projected));
        }
    }

    /** Prepares the encoder side: encoder states {@code [B, H, Ts]}, source mask {@code [B, Ts]} or null. */
    public Keys keys(INDArray encoder, INDArray sourceMask, Map<String, INDArray> p) {
        long b = encoder.size(0);
        long ts = encoder.size(2);
        INDArray k = encoder.permute(0, 2, 1).dup('c');
        INDArray projected = type == AttentionType.ADDITIVE
                ? Products.mmul(k.reshape('c', b * ts, hiddenSize), p.get(GlobalAttention.W_2))
                        .reshape('c', b, ts, hiddenSize)
                : null;
        return new Keys(encoder, k, sourceMask == null ? null : sourceMask.dup('c'), projected);
    }

    /**
     * What one step computed, and what its backward pass reads.
     *
     * @param query    {@code [B, H]}
     * @param weights  {@code [B, Ts]}
     * @param combined {@code [c; h]} {@code [B, 2H]}
     * @param state    {@code tanh(W_c [c; h] + b_c)} before step masking {@code [B, H]}
     * @param scoreAux "general": {@code h W_a} {@code [B, H]}; "additive": {@code tanh(h W_1 + s W_2)}
     *                 {@code [B, Ts, H]}; "dot": null
     * @param output   the attentional state, zero where the step mask is 0 {@code [B, H]}
     * @param coverage the coverage vector the scores read {@code [B, Ts]}, or null without coverage
     * @param coverageScale "dot" and "general" with coverage: {@code u = q~ w_cov} {@code [B, 1]}, the score added per
     *                      unit of coverage; otherwise null
     */
    public record Step(INDArray query, INDArray weights, INDArray combined, INDArray state, INDArray scoreAux,
                       INDArray output, INDArray coverage, INDArray coverageScale) {

        /** The same record with every array passed through {@code f}. */
        public Step map(UnaryOperator<INDArray> f) {
            return new Step(f.apply(query), f.apply(weights), f.apply(combined), f.apply(state),
                    scoreAux == null ? null : f.apply(scoreAux), f.apply(output),
                    coverage == null ? null : f.apply(coverage), coverageScale == null ? null : f.apply(coverageScale));
        }
    }

    /**
     * One step.
     *
     * @param query    decoder output {@code [B, H]}
     * @param stepMask {@code [B, 1]} or null
     */
    public Step forward(INDArray query, INDArray stepMask, Keys keys, Map<String, INDArray> p) {
        return forward(query, stepMask, keys, null, p);
    }

    /**
     * One step whose scores also read the coverage vector {@code c} (the running sum of the previous steps' weights):
     * "additive" adds {@code c_s w_cov} inside the tanh (See et al. 2017, eq. 11); "dot" and "general" shift every key
     * by {@code c_s w_cov}, which adds {@code c_s (q~ · w_cov)} to the score ({@code q~} the query, or {@code q W_a}).
     * The context still averages the unshifted encoder states.
     *
     * @param coverage {@code [B, Ts]}; null for none (and required to be null without coverage)
     */
    public Step forward(INDArray query, INDArray stepMask, Keys keys, INDArray coverage, Map<String, INDArray> p) {
        if ((coverage != null) != this.coverage) {
            throw new IllegalArgumentException(this.coverage ? "attention with coverage needs a coverage vector"
                    : "attention without coverage takes no coverage vector");
        }
        INDArray k = keys.keys();
        INDArray aux = null;
        INDArray scale = null;
        INDArray scores = switch (type) {
            case NONE -> throw new IllegalStateException("no attention");
            case DOT -> {
                INDArray e = rowDots(k, query);
                if (coverage != null) {
                    scale = Products.mmul(query, p.get(W_COV));
                    e.addi(coverage.mulColumnVector(scale));
                }
                yield e;
            }
            case GENERAL -> {
                aux = Products.mmul(query, p.get(GlobalAttention.W_A));
                INDArray e = rowDots(k, aux);
                if (coverage != null) {
                    scale = Products.mmul(aux, p.get(W_COV));
                    e.addi(coverage.mulColumnVector(scale));
                }
                yield e;
            }
            case ADDITIVE -> {
                INDArray pre = Broadcast.add(keys.projected(), Products.mmul(query, p.get(GlobalAttention.W_1)),
                        Nd4j.createUninitialized(k.dataType(), k.shape()), 0, 2);
                if (coverage != null) {
                    long b = k.size(0);
                    long ts = k.size(1);
                    pre.addi(Products.mmul(coverage.reshape('c', b * ts, 1), p.get(W_COV))
                            .reshape('c', b, ts, hiddenSize));
                }
                aux = Transforms.tanh(pre, false);
                long b = k.size(0);
                long ts = k.size(1);
                yield Products.mmul(aux.reshape('c', b * ts, hiddenSize), p.get(GlobalAttention.V)).reshape('c', b, ts);
            }
        };
        INDArray a = maskedSoftmax(scores, keys.mask());
        INDArray context = Products.batchedVecMat(a, k);
        INDArray combined = Layout.columns(context, query);
        INDArray state = ElementFunctions.tanhInPlace(Products.affine(combined, p.get(GlobalAttention.W_C),
                p.get(GlobalAttention.B_C)));
        INDArray output = stepMask == null ? state.dup() : state.mulColumnVector(stepMask);
        return new Step(query, a, combined, state, aux, output, coverage, scale);
    }

    /** Row-wise softmax of {@code [B, Ts]} scores over the real source positions; exactly 0 at padded ones. */
    private static INDArray maskedSoftmax(INDArray scores, INDArray mask) {
        // one Java pass over the [B, Ts] rows: the ND4J version took seven operations
        int rows = (int) scores.size(0);
        int cols = (int) scores.size(1);
        INDArray out = Nd4j.createUninitialized(scores.dataType(), new long[]{rows, cols}, 'c');
        Elements se = Elements.of(Layout.rowMajor(scores));
        Elements me = mask == null ? null : Elements.of(Layout.rowMajor(mask));
        Elements oe = Elements.of(out);
        double[] e = new double[cols];
        double[] m = new double[cols];
        for (int i = 0; i < rows; i++) {
            se.copyTo(i * cols, e, cols);
            if (me != null) {
                me.copyTo(i * cols, m, cols);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                if (me != null) {
                    e[j] += (1 - m[j]) * MASKED_SCORE;
                }
                max = Math.max(max, e[j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                e[j] = Math.exp(e[j] - max) * (me == null ? 1 : m[j]);
                sum += e[j];
            }
            for (int j = 0; j < cols; j++) {
                e[j] /= sum;
            }
            oe.copyFrom(e, i * cols, cols);
        }
        return out;
    }

    /** {@code out[b, s] = Σ_h k[b, s, h] q[b, h]} for {@code k} {@code [B, Ts, H]} and {@code q} {@code [B, H]}. */
    private static INDArray rowDots(INDArray k, INDArray q) {
        return Products.batchedMatVec(k, q);
    }

    /** {@code out[b, s, h] = w[b, s] v[b, h]}. */
    private static INDArray outer(INDArray w, INDArray v, long[] shape) {
        INDArray out = Nd4j.createUninitialized(v.dataType(), shape);
        Broadcast.copy(out, v, out, 0, 2);
        return Broadcast.mul(out, w, out, 0, 1);
    }

    /**
     * Gradients accumulated over the steps with respect to the prepared keys: {@code dKeys} {@code [B, Ts, H]} and,
     * for "additive", {@code dProjected} {@code [B, Ts, H]}.
     */
    public static final class KeyGradients {
        private INDArray dKeys;
        private INDArray dProjected;

        void addKeys(INDArray d) {
            dKeys = dKeys == null ? d : dKeys.addi(d);
        }

        void addProjected(INDArray d) {
            dProjected = dProjected == null ? d : dProjected.addi(d);
        }
    }

    /**
     * The backward pass of one step: adds the parameter gradients (sums over the batch) into {@code g}, the key
     * gradients into {@code kg}, and returns the gradient of the query {@code [B, H]}.
     *
     * @param dOutput  gradient of the attentional state {@code [B, H]}
     * @param stepMask {@code [B, 1]} or null
     */
    public INDArray backward(Step s, INDArray dOutput, INDArray stepMask, Keys keys, Map<String, INDArray> p,
                             Map<String, INDArray> g, KeyGradients kg) {
        return backward(s, dOutput, null, null, stepMask, keys, p, g, kg, null);
    }

    /**
     * {@link #backward(Step, INDArray, INDArray, Keys, Map, Map, KeyGradients)} with a gradient of the weights from
     * elsewhere (later steps' coverage, a coverage loss) and, with coverage, the gradient of the step's coverage
     * vector written into {@code dCoverage[0]} ({@code [B, Ts]}).
     *
     * @param dWeights gradient of the weights {@code [B, Ts]} not through this step's output, or null
     * @param dContext gradient of the context vector {@code [B, H]} not through this step's output (the copy
     *                 mechanism's generation probability reads it), or null
     */
    public INDArray backward(Step s, INDArray dOutput, INDArray dWeights, INDArray dContext, INDArray stepMask,
                             Keys keys, Map<String, INDArray> p, Map<String, INDArray> g, KeyGradients kg,
                             INDArray[] dCoverage) {
        INDArray k = keys.keys();
        long h = hiddenSize;
        INDArray dOut = stepMask == null ? dOutput.dup() : dOutput.mulColumnVector(stepMask);
        INDArray dZ = dOut.muli(s.state().mul(s.state()).rsubi(1.0));
        g.get(GlobalAttention.W_C).addi(Products.mmulTN(s.combined(), dZ));
        Products.addColumnSums(dZ, g.get(GlobalAttention.B_C));
        INDArray dCombined = Products.mmulNT(dZ, p.get(GlobalAttention.W_C));
        INDArray dCtx = dCombined.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h)).dup('c');
        if (dContext != null) {
            dCtx.addi(dContext);
        }
        INDArray dq = dCombined.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)).dup('c');
        INDArray a = s.weights();
        // c = Σ_s a_s k_s
        kg.addKeys(outer(a, dCtx, k.shape()));
        INDArray dA = rowDots(k, dCtx);
        if (dWeights != null) {
            dA.addi(dWeights);
        }
        // softmax: de = a (da - Σ_s da a)
        INDArray dE = dA.subColumnVector(dA.mul(a).sum(true, 1)).muli(a);
        INDArray c = s.coverage();
        if (c != null && type != AttentionType.ADDITIVE) {
            // e += c u with u = q~ w_cov
            dCoverage[0] = dE.mulColumnVector(s.coverageScale());
            INDArray dScale = dE.mul(c).sum(true, 1);
            INDArray qTilde = type == AttentionType.DOT ? s.query() : s.scoreAux();
            g.get(W_COV).addi(Products.mmulTN(qTilde, dScale));
            INDArray dqTilde = Products.mmulNT(dScale, p.get(W_COV));
            if (type == AttentionType.DOT) {
                dq.addi(dqTilde);
            } else {
                g.get(GlobalAttention.W_A).addi(Products.mmulTN(s.query(), dqTilde));
                dq.addi(Products.mmulNT(dqTilde, p.get(GlobalAttention.W_A)));
            }
        }
        switch (type) {
            case NONE -> throw new IllegalStateException("no attention");
            case DOT -> {
                dq.addi(Products.batchedVecMat(dE, k));
                kg.addKeys(outer(dE, s.query(), k.shape()));
            }
            case GENERAL -> {
                INDArray dqw = Products.batchedVecMat(dE, k);
                g.get(GlobalAttention.W_A).addi(Products.mmulTN(s.query(), dqw));
                dq.addi(Products.mmulNT(dqw, p.get(GlobalAttention.W_A)));
                kg.addKeys(outer(dE, s.scoreAux(), k.shape()));
            }
            case ADDITIVE -> {
                INDArray t = s.scoreAux();
                long b = k.size(0);
                long ts = k.size(1);
                INDArray t2 = t.reshape('c', b * ts, h);
                INDArray dEflat = dE.reshape('c', b * ts, 1);
                g.get(GlobalAttention.V).addi(Products.mmulTN(t2, dEflat));
                INDArray dPre = Products.mmulNT(dEflat, p.get(GlobalAttention.V)).muli(t2.mul(t2).rsubi(1.0))
                        .reshape('c', b, ts, h);
                INDArray dDec = dPre.sum(1);
                g.get(GlobalAttention.W_1).addi(Products.mmulTN(s.query(), dDec));
                dq.addi(Products.mmulNT(dDec, p.get(GlobalAttention.W_1)));
                if (c != null) {
                    // pre += c_s w_cov
                    INDArray dPre2 = dPre.reshape('c', b * ts, h);
                    g.get(W_COV).addi(Products.mmul(c.reshape('c', 1, b * ts), dPre2));
                    dCoverage[0] = Products.mmulNT(dPre2, p.get(W_COV)).reshape('c', b, ts);
                }
                kg.addProjected(dPre);
            }
        }
        return dq;
    }

    /**
     * The gradient of the encoder states {@code [B, H, Ts]} from the key gradients of all steps; adds the gradient of
     * {@code W_2} ("additive") into {@code g}.
     */
    public INDArray encoderGradient(Keys keys, KeyGradients kg, Map<String, INDArray> p, Map<String, INDArray> g) {
        INDArray k = keys.keys();
        long b = k.size(0);
        long ts = k.size(1);
        INDArray dk = kg.dKeys == null ? Nd4j.zeros(k.dataType(), k.shape()) : kg.dKeys;
        if (kg.dProjected != null) {
            INDArray dp = kg.dProjected.reshape('c', b * ts, hiddenSize);
            g.get(GlobalAttention.W_2).addi(Products.mmulTN(k.reshape('c', b * ts, hiddenSize), dp));
            dk.addi(Products.mmulNT(dp, p.get(GlobalAttention.W_2)).reshape('c', b, ts, hiddenSize));
        }
        return dk.permute(0, 2, 1).dup('c');
    }
}
