package org.seq2seq4j.attention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.linalg.Products;

/**
 * Global attention after the decoder stack (Luong et al. 2015, section 3.1 and eq. 5, without input feeding): for
 * every decoder state {@code h_t} and encoder state {@code s_s},
 * <pre>
 *   e_ts = score(h_t, s_s)            a_t = softmax_s(e_t) over the real source positions
 *   c_t  = Σ_s a_ts s_s               h~_t = tanh(W_c [c_t; h_t] + b_c)
 * </pre>
 * with {@code score} one of {@link AttentionType#DOT} {@code h·s}, {@link AttentionType#GENERAL} {@code h·(W_a s)}
 * (Luong et al. 2015, eq. 8) or {@link AttentionType#ADDITIVE} {@code v·tanh(W_1 h + W_2 s)} (Bahdanau et al. 2015,
 * appendix A.1.2) with attention size {@code H}. Row-vector convention: {@code h W} for a state {@code h} of shape
 * {@code [1, H]}.
 *
 * <p>Tensors: decoder states {@code [B, H, Tt]}, encoder states {@code [B, H, Ts]} (DL4J's layout), source mask
 * {@code [B, Ts]}, weights {@code [B, Tt, Ts]}. Padded source positions get weight exactly 0. The backward pass is
 * written by hand (batched matrix products), gradients are sums over the batch.
 */
public final class GlobalAttention {

    /** Output projection {@code W_c} {@code [2H, H]}, applied to {@code [c; h]}. */
    public static final String W_C = "W_c";
    /** Output bias {@code b_c} {@code [1, H]}. */
    public static final String B_C = "b_c";
    /** "general" score matrix {@code W_a} {@code [H, H]}. */
    public static final String W_A = "W_a";
    /** "additive" decoder projection {@code W_1} {@code [H, H]}. */
    public static final String W_1 = "W_1";
    /** "additive" encoder projection {@code W_2} {@code [H, H]}. */
    public static final String W_2 = "W_2";
    /** "additive" score vector {@code v} {@code [H, 1]}. */
    public static final String V = "v";

    /** Added to the scores of padded source positions, whose exponential is then exactly 0. */
    private static final double MASKED_SCORE = -1e9;

    private final AttentionType type;
    private final int hiddenSize;

    public GlobalAttention(AttentionType type, int hiddenSize) {
        if (type == AttentionType.NONE) {
            throw new IllegalArgumentException("global attention needs a score type, not " + type);
        }
        this.type = type;
        this.hiddenSize = hiddenSize;
    }

    public AttentionType type() {
        return type;
    }

    /** Whether {@code name} is one of the attention parameter names (of any score type). */
    public static boolean isParameter(String name) {
        return switch (name) {
            case W_C, B_C, W_A, W_1, W_2, V -> true;
            default -> false;
        };
    }

    /** Parameter names and shapes in flat-vector order. */
    public static Map<String, long[]> paramShapes(AttentionType type, int h) {
        Map<String, long[]> s = new LinkedHashMap<>();
        s.put(W_C, new long[]{2L * h, h});
        s.put(B_C, new long[]{1, h});
        switch (type) {
            case NONE -> throw new IllegalArgumentException("no parameters for attention " + type);
            case DOT -> {
            }
            case GENERAL -> s.put(W_A, new long[]{h, h});
            case ADDITIVE -> {
                s.put(W_1, new long[]{h, h});
                s.put(W_2, new long[]{h, h});
                s.put(V, new long[]{h, 1});
            }
        }
        return s;
    }

    /**
     * What the forward pass computed, and what the backward pass reads.
     *
     * @param queries  decoder states {@code [B, Tt, H]}
     * @param keys     encoder states {@code [B, Ts, H]}
     * @param weights  attention weights {@code [B, Tt, Ts]}
     * @param combined {@code [c; h]} {@code [B*Tt, 2H]}
     * @param state    {@code tanh(W_c [c; h] + b_c)} before target masking {@code [B*Tt, H]}
     * @param scoreAux "general": {@code h W_a} {@code [B, Tt, H]}; "additive": {@code tanh(h W_1 + s W_2)}
     *                 {@code [B*Tt*Ts, H]}; "dot": null
     * @param output   the attentional states, zero at padded target steps {@code [B, H, Tt]}
     */
    public record Forward(INDArray queries, INDArray keys, INDArray weights, INDArray combined, INDArray state,
                          INDArray scoreAux, INDArray output) {

        /** The same record with every array passed through {@code f}. */
        public Forward map(UnaryOperator<INDArray> f) {
            return new Forward(f.apply(queries), f.apply(keys), f.apply(weights), f.apply(combined), f.apply(state),
                    f.apply(scoreAux), f.apply(output));
        }
    }

    /**
     * The forward pass.
     *
     * @param decoder    decoder states {@code [B, H, Tt]}
     * @param targetMask {@code [B, Tt]} or null
     * @param encoder    encoder states {@code [B, H, Ts]}
     * @param sourceMask {@code [B, Ts]} or null
     * @param p          parameters by name ({@link #paramShapes})
     */
    public Forward forward(INDArray decoder, INDArray targetMask, INDArray encoder, INDArray sourceMask,
                           Map<String, INDArray> p) {
        long b = decoder.size(0);
        long tt = decoder.size(2);
        long h = hiddenSize;
        INDArray q = decoder.permute(0, 2, 1).dup('c');
        INDArray k = encoder.permute(0, 2, 1).dup('c');
        INDArray[] aux = new INDArray[1];
        INDArray weights = weights(q, encoder, k, sourceMask, p, aux);
        INDArray context = Nd4j.matmul(weights, k);
        INDArray combined = Nd4j.concat(2, context, q).reshape('c', b * tt, 2 * h);
        INDArray state = Transforms.tanh(Products.mmul(combined, p.get(W_C)).addiRowVector(p.get(B_C)), false);
        INDArray masked = targetMask == null ? state.dup() : state.mulColumnVector(column(targetMask));
        INDArray output = masked.reshape('c', b, tt, h).permute(0, 2, 1).dup('c');
        return new Forward(q, k, weights, combined, state, aux[0], output);
    }

    /** Attention weights {@code [B, Tt, Ts]} for decoder states {@code [B, H, Tt]}; 0 on padded source positions. */
    public INDArray weights(INDArray decoder, INDArray encoder, INDArray sourceMask, Map<String, INDArray> p) {
        INDArray q = decoder.permute(0, 2, 1).dup('c');
        INDArray k = encoder.permute(0, 2, 1).dup('c');
        return weights(q, encoder, k, sourceMask, p, new INDArray[1]);
    }

    /** Scores and masked softmax; {@code aux[0]} receives what the score's backward pass needs. */
    private INDArray weights(INDArray q, INDArray encoder, INDArray k, INDArray sourceMask, Map<String, INDArray> p,
                             INDArray[] aux) {
        long b = q.size(0);
        long tt = q.size(1);
        long ts = k.size(1);
        long h = hiddenSize;
        INDArray scores = switch (type) {
            case NONE -> throw new IllegalStateException("no attention");
            case DOT -> Nd4j.matmul(q, encoder);
            case GENERAL -> {
                INDArray qw = Products.mmul(q.reshape('c', b * tt, h), p.get(W_A)).reshape('c', b, tt, h);
                aux[0] = qw;
                yield Nd4j.matmul(qw, encoder);
            }
            case ADDITIVE -> {
                INDArray dec = Products.mmul(q.reshape('c', b * tt, h), p.get(W_1)).reshape('c', b, tt, 1, h)
                        .repeat(2, ts);
                INDArray enc = Products.mmul(k.reshape('c', b * ts, h), p.get(W_2)).reshape('c', b, 1, ts, h)
                        .repeat(1, tt);
                INDArray t = Transforms.tanh(dec.addi(enc), false).reshape('c', b * tt * ts, h);
                aux[0] = t;
                yield Products.mmul(t, p.get(V)).reshape('c', b, tt, ts);
            }
        };
        INDArray e = scores.reshape('c', b * tt, ts);
        INDArray rowMask = null;
        if (sourceMask != null) {
            rowMask = sourceMask.reshape('c', b, 1, ts).repeat(1, tt).reshape('c', b * tt, ts);
            e.addi(rowMask.rsub(1.0).muli(MASKED_SCORE));
        }
        INDArray a = Transforms.exp(e.subColumnVector(e.max(true, 1)), false);
        if (rowMask != null) {
            a.muli(rowMask);
        }
        a.diviColumnVector(a.sum(true, 1));
        return a.reshape('c', b, tt, ts);
    }

    /** Gradients for the inputs. */
    public record Backward(INDArray dDecoder, INDArray dEncoder) {
    }

    /**
     * The backward pass: adds the parameter gradients (sums over the batch) into {@code g} and returns fresh epsilons
     * for both inputs, in DL4J's layout.
     *
     * @param f          the forward pass
     * @param epsilon    gradient of the output {@code [B, H, Tt]}
     * @param targetMask {@code [B, Tt]} or null
     */
    public Backward backward(Forward f, INDArray epsilon, INDArray targetMask, Map<String, INDArray> p,
                             Map<String, INDArray> g) {
        return backward(f, epsilon, targetMask, p, g, null);
    }

    /**
     * Gradients that reach the attention from elsewhere than its output, as the copy mechanism's mixture produces
     * them; each array may be null.
     *
     * @param dWeights gradient of the weights {@code [B, Tt, Ts]}
     * @param dContext gradient of the context vectors {@code [B*Tt, H]}
     * @param dQueries gradient of the decoder states {@code [B*Tt, H]}
     */
    public record Extra(INDArray dWeights, INDArray dContext, INDArray dQueries) {
    }

    /** {@link #backward(Forward, INDArray, INDArray, Map, Map)} with gradients from {@code extra} added. */
    public Backward backward(Forward f, INDArray epsilon, INDArray targetMask, Map<String, INDArray> p,
                             Map<String, INDArray> g, Extra extra) {
        INDArray q = f.queries();
        INDArray k = f.keys();
        INDArray a = f.weights();
        long b = q.size(0);
        long tt = q.size(1);
        long ts = k.size(1);
        long h = hiddenSize;
        INDArray dOut = epsilon.permute(0, 2, 1).dup('c').reshape('c', b * tt, h);
        if (targetMask != null) {
            dOut.muliColumnVector(column(targetMask));
        }
        INDArray dZ = dOut.muli(f.state().mul(f.state()).rsubi(1.0));
        g.get(W_C).addi(Products.mmulTN(f.combined(), dZ));
        Products.addColumnSums(dZ, g.get(B_C));
        INDArray dCombined = Products.mmulNT(dZ, p.get(W_C));
        INDArray dContext = dCombined.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h)).dup('c')
                .reshape('c', b, tt, h);
        INDArray dq = dCombined.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)).dup('c')
                .reshape('c', b, tt, h);
        if (extra != null && extra.dContext() != null) {
            dContext.addi(extra.dContext().reshape('c', b, tt, h));
        }
        if (extra != null && extra.dQueries() != null) {
            dq.addi(extra.dQueries().reshape('c', b, tt, h));
        }
        // c = a k
        INDArray dk = Nd4j.matmul(a, dContext, true, false, false);
        INDArray dA = Nd4j.matmul(dContext, k, false, true, false).reshape('c', b * tt, ts);
        if (extra != null && extra.dWeights() != null) {
            dA.addi(extra.dWeights().reshape('c', b * tt, ts));
        }
        // softmax: de = a (da - Σ_s da a)
        INDArray a2 = a.reshape('c', b * tt, ts);
        INDArray dE2 = dA.subColumnVector(dA.mul(a2).sum(true, 1)).muli(a2);
        INDArray dE = dE2.reshape('c', b, tt, ts);
        switch (type) {
            case NONE -> throw new IllegalStateException("no attention");
            case DOT -> {
                dq.addi(Nd4j.matmul(dE, k));
                dk.addi(Nd4j.matmul(dE, q, true, false, false));
            }
            case GENERAL -> {
                INDArray qw = f.scoreAux();
                INDArray dqw = Nd4j.matmul(dE, k).reshape('c', b * tt, h);
                g.get(W_A).addi(Products.mmulTN(q.reshape('c', b * tt, h), dqw));
                dq.addi(Products.mmulNT(dqw, p.get(W_A)).reshape('c', b, tt, h));
                dk.addi(Nd4j.matmul(dE, qw, true, false, false));
            }
            case ADDITIVE -> {
                INDArray t = f.scoreAux();
                INDArray dEflat = dE2.reshape('c', b * tt * ts, 1);
                g.get(V).addi(Products.mmulTN(t, dEflat));
                INDArray dPre = Products.mmulNT(dEflat, p.get(V)).muli(t.mul(t).rsubi(1.0))
                        .reshape('c', b, tt, ts, h);
                INDArray dDec = dPre.sum(2).reshape('c', b * tt, h);
                INDArray dEnc = dPre.sum(1).reshape('c', b * ts, h);
                g.get(W_1).addi(Products.mmulTN(q.reshape('c', b * tt, h), dDec));
                g.get(W_2).addi(Products.mmulTN(k.reshape('c', b * ts, h), dEnc));
                dq.addi(Products.mmulNT(dDec, p.get(W_1)).reshape('c', b, tt, h));
                dk.addi(Products.mmulNT(dEnc, p.get(W_2)).reshape('c', b, ts, h));
            }
        }
        return new Backward(dq.permute(0, 2, 1).dup('c'), dk.permute(0, 2, 1).dup('c'));
    }

    /** A mask {@code [B, T]} as a column {@code [B*T, 1]} in batch-major order. */
    private static INDArray column(INDArray mask) {
        return mask.dup('c').reshape('c', mask.length(), 1);
    }
}
