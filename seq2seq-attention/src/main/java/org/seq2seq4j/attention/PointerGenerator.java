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
 * The pointer-generator output (See et al. 2017, section 2.2) on top of {@link GlobalAttention}: the generation
 * probability {@code p_gen = σ(w_c·c_t + w_s·s_t + w_x·x_t + b)} from the context vector, the decoder state and the
 * decoder input, and the output distribution over the per-batch extended vocabulary
 * <pre>
 *   P(w) = p_gen · P_vocab(w) + (1 − p_gen) · Σ_{i : x_i = w} a_i
 * </pre>
 * where {@code P_vocab = softmax(W_o h~_t + b_o)} over the {@code V} target ids, {@code a} are the attention weights
 * and {@code x_i} the source's extended ids: in-vocabulary tokens have their target id, the source's own
 * out-of-vocabulary tokens {@code V, V+1, ..}. The batch's extended vocabulary has {@code V + n} entries, {@code n} the
 * largest number of out-of-vocabulary tokens of one source; an entry an example's source does not have gets
 * probability 0 for that example.
 *
 * <p>Tensors as in {@link GlobalAttention}; decoder inputs {@code [B, I, Tt]}; copy ids {@code [B, Ts]}; output
 * probabilities {@code [B, V + n, Tt]}, zero rows at padded target steps.
 */
public final class PointerGenerator {

    /** Vocabulary projection {@code W_o} {@code [H, V]}. */
    public static final String W_O = "W_o";
    /** Vocabulary bias {@code b_o} {@code [1, V]}. */
    public static final String B_O = "b_o";
    /** {@code p_gen} weights of the context vector {@code [H, 1]}. */
    public static final String W_GEN_CONTEXT = "w_gen_context";
    /** {@code p_gen} weights of the decoder state {@code [H, 1]}. */
    public static final String W_GEN_STATE = "w_gen_state";
    /** {@code p_gen} weights of the decoder input {@code [I, 1]}. */
    public static final String W_GEN_INPUT = "w_gen_input";
    /** {@code p_gen} bias {@code [1, 1]}. */
    public static final String B_GEN = "b_gen";

    private final GlobalAttention attention;
    private final CoverageAttention coverage;
    private final int hiddenSize;
    private final int inputSize;
    private final int vocabulary;

    /**
     * @param coverage whether the attention has coverage ({@link CoverageAttention}); the output then has the coverage
     *                 loss of every step as an extra first feature
     */
    public PointerGenerator(AttentionType type, int hiddenSize, int inputSize, int vocabulary, boolean coverage) {
        this.attention = new GlobalAttention(type, hiddenSize);
        this.coverage = coverage ? new CoverageAttention(type, hiddenSize) : null;
        this.hiddenSize = hiddenSize;
        this.inputSize = inputSize;
        this.vocabulary = vocabulary;
    }

    public GlobalAttention attention() {
        return attention;
    }

    /** The attention with coverage, or null. */
    public CoverageAttention coverage() {
        return coverage;
    }

    /** Parameter names and shapes in flat-vector order: the attention's, then the vocabulary projection, then p_gen. */
    public static Map<String, long[]> paramShapes(AttentionType type, int h, int inputSize, int vocabulary,
                                                  boolean coverage) {
        Map<String, long[]> shapes = new LinkedHashMap<>(coverage ? CoverageAttention.paramShapes(type, h)
                : GlobalAttention.paramShapes(type, h));
        shapes.put(W_O, new long[]{h, vocabulary});
        shapes.put(B_O, new long[]{1, vocabulary});
        shapes.put(W_GEN_CONTEXT, new long[]{h, 1});
        shapes.put(W_GEN_STATE, new long[]{h, 1});
        shapes.put(W_GEN_INPUT, new long[]{inputSize, 1});
        shapes.put(B_GEN, new long[]{1, 1});
        return shapes;
    }

    /**
     * What the forward pass computed, and what the backward pass reads.
     *
     * @param attention  the attention's forward pass (without coverage), or null
     * @param covered    the attention's forward pass with coverage, or null
     * @param states     attentional states before target masking {@code [B*Tt, H]} (what {@code P_vocab} reads)
     * @param context    context vectors {@code [B*Tt, H]}
     * @param queries    decoder states {@code [B*Tt, H]}
     * @param inputs     decoder inputs {@code [B*Tt, I]}
     * @param vocab      {@code P_vocab} {@code [B*Tt, V]}
     * @param generation {@code p_gen} {@code [B*Tt, 1]}
     * @param copyIds    extended source ids {@code [B, Ts]}
     * @param rowMask    target mask as a column {@code [B*Tt, 1]}, or null
     * @param output     the mixed distribution {@code [B, V + n, Tt]}, with coverage below the per-step coverage loss
     *                   ({@code [B, 1 + V + n, Tt]})
     */
    public record Forward(GlobalAttention.Forward attention, CoverageAttention.Forward covered, INDArray states,
                          INDArray context, INDArray queries, INDArray inputs, INDArray vocab, INDArray generation,
                          INDArray copyIds, INDArray rowMask, INDArray output) {

        /** The same record with every array passed through {@code f}. */
        public Forward map(UnaryOperator<INDArray> f) {
            return new Forward(attention == null ? null : attention.map(f), covered == null ? null : covered.map(f),
                    f.apply(states), f.apply(context), f.apply(queries), f.apply(inputs), f.apply(vocab),
                    f.apply(generation), f.apply(copyIds), rowMask == null ? null : f.apply(rowMask),
                    f.apply(output));
        }

        /** Attention weights {@code [B, Tt, Ts]}. */
        public INDArray weights() {
            return attention != null ? attention.weights() : covered.weights();
        }
    }

    /**
     * The forward pass.
     *
     * @param decoder    decoder states {@code [B, H, Tt]}
     * @param targetMask {@code [B, Tt]} or null
     * @param encoder    encoder states {@code [B, H, Ts]}
     * @param sourceMask {@code [B, Ts]} or null
     * @param inputs     decoder inputs {@code [B, I, Tt]}
     * @param copyIds    extended source ids {@code [B, Ts]}
     */
    public Forward forward(INDArray decoder, INDArray targetMask, INDArray encoder, INDArray sourceMask,
                           INDArray inputs, INDArray copyIds, Map<String, INDArray> p) {
        long b = decoder.size(0);
        long tt = decoder.size(2);
        GlobalAttention.Forward att = null;
        CoverageAttention.Forward cov = null;
        INDArray states;
        INDArray context;
        INDArray queries;
        INDArray weights;
        if (coverage == null) {
            att = attention.forward(decoder, targetMask, encoder, sourceMask, p);
            states = att.state();
            context = context(att.combined());
            queries = att.queries().reshape('c', b * tt, hiddenSize);
            weights = att.weights();
        } else {
            cov = coverage.forward(decoder, targetMask, encoder, sourceMask, p);
            states = CoverageAttention.states(cov);
            context = CoverageAttention.contexts(cov, hiddenSize);
            queries = CoverageAttention.queries(cov);
            weights = cov.weights();
        }
        INDArray x = inputs.permute(0, 2, 1).dup('c').reshape('c', b * tt, inputSize);
        INDArray vocab = vocabulary(states, p);
        INDArray generation = generation(context, queries, x, p);
        INDArray rowMask = targetMask == null ? null : targetMask.dup('c').reshape('c', b * tt, 1);
        INDArray mixed = mix(vocab, generation, weights.reshape('c', b * tt, copyIds.size(1)), copyIds, tt);
        if (rowMask != null) {
            mixed.muliColumnVector(rowMask);
        }
        INDArray output = mixed.reshape('c', b, tt, mixed.size(1)).permute(0, 2, 1).dup('c');
        if (cov != null) {
            output = CoverageAttentionVertexImpl.withLossRow(cov.coverageLoss(), output);
        }
        return new Forward(att, cov, states, context, queries, x, vocab, generation, copyIds, rowMask, output);
    }

    /** {@code p_gen} {@code [N, 1]} of context vectors, decoder states and decoder inputs (rows {@code N}). */
    INDArray generation(INDArray context, INDArray queries, INDArray inputs, Map<String, INDArray> p) {
        INDArray z = Products.mmul(context, p.get(W_GEN_CONTEXT)).addi(Products.mmul(queries, p.get(W_GEN_STATE)))
                .addi(Products.mmul(inputs, p.get(W_GEN_INPUT))).addi(p.get(B_GEN).getDouble(0));
        return Transforms.sigmoid(z, false);
    }

    /** {@code P_vocab} of one step's attentional states {@code [N, H]}. */
    INDArray vocabulary(INDArray states, Map<String, INDArray> p) {
        return softmax(Products.mmul(states, p.get(W_O)).addiRowVector(p.get(B_O)));
    }

    /**
     * The mixture {@code [N, V + n]} for rows {@code N = B * steps}: row {@code r} belongs to example
     * {@code r / steps}, whose copy ids are row {@code r / steps} of {@code copyIds} {@code [B, Ts]}; {@code weights}
     * {@code [N, Ts]}.
     */
    INDArray mix(INDArray vocab, INDArray generation, INDArray weights, INDArray copyIds, long steps) {
        int[][] ids = copyIds.toIntMatrix();
        int width = vocabulary + extendedEntries(ids);
        long rows = vocab.size(0);
        INDArray out = Nd4j.zeros(vocab.dataType(), rows, width);
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, vocabulary)).assign(vocab.mulColumnVector(generation));
        double[][] a = weights.toDoubleMatrix();
        double[] g = generation.reshape(rows).toDoubleVector();
        for (int r = 0; r < rows; r++) {
            int[] src = ids[(int) (r / steps)];
            Map<Integer, Double> copied = new LinkedHashMap<>();
            for (int s = 0; s < src.length; s++) {
                if (a[r][s] != 0) {
                    copied.merge(src[s], a[r][s], Double::sum);
                }
            }
            for (Map.Entry<Integer, Double> e : copied.entrySet()) {
                int w = e.getKey();
                out.putScalar(r, w, out.getDouble(r, w) + (1 - g[r]) * e.getValue());
            }
        }
        return out;
    }

    /** {@code n}: how many extended ids beyond the vocabulary the copy ids use. */
    int extendedEntries(int[][] ids) {
        int max = vocabulary - 1;
        for (int[] row : ids) {
            for (int id : row) {
                if (id < 0) {
                    throw new IllegalArgumentException("negative copy id " + id);
                }
                max = Math.max(max, id);
            }
        }
        return max + 1 - vocabulary;
    }

    /** Gradients for the inputs. */
    public record Backward(INDArray dDecoder, INDArray dEncoder, INDArray dInputs) {
    }

    /**
     * The backward pass: adds the parameter gradients (sums over the batch) into {@code g} and returns fresh epsilons
     * for the decoder states, encoder states and decoder inputs, in DL4J's layout (the copy ids have none).
     *
     * @param epsilon gradient of the output {@code [B, V + n, Tt]}
     */
    public Backward backward(Forward f, INDArray epsilon, Map<String, INDArray> p, Map<String, INDArray> g) {
        INDArray weights = f.weights();
        long b = weights.size(0);
        long tt = weights.size(1);
        long ts = weights.size(2);
        long rows = b * tt;
        INDArray dLoss = null;
        INDArray eps = epsilon;
        if (f.covered() != null) {
            dLoss = epsilon.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).dup('c');
            eps = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(1, epsilon.size(1)), NDArrayIndex.all());
        }
        INDArray dMixed = eps.permute(0, 2, 1).dup('c').reshape('c', rows, eps.size(1));
        if (f.rowMask() != null) {
            dMixed.muliColumnVector(f.rowMask());
        }
        INDArray gen = f.generation();
        INDArray dVocabPart = dMixed.get(NDArrayIndex.all(), NDArrayIndex.interval(0, vocabulary)).dup('c');
        // P_vocab enters as p_gen · P_vocab
        INDArray dGen = dVocabPart.mul(f.vocab()).sum(true, 1).reshape(rows, 1);
        INDArray dVocab = dVocabPart.muliColumnVector(gen);
        INDArray dLogits = dVocab.subColumnVector(dVocab.mul(f.vocab()).sum(true, 1)).muli(f.vocab());
        g.get(W_O).addi(Products.mmulTN(f.states(), dLogits));
        Products.addColumnSums(dLogits, g.get(B_O));
        INDArray dState = Products.mmulNT(dLogits, p.get(W_O));
        // the copy part: (1 - p_gen) · a_s at entry copyIds[s]
        int[][] ids = f.copyIds().toIntMatrix();
        double[][] a = weights.reshape('c', rows, ts).toDoubleMatrix();
        double[] gv = gen.reshape(rows).toDoubleVector();
        double[] dGenCopy = new double[(int) rows];
        double[][] dWeights = new double[(int) rows][(int) ts];
        for (int r = 0; r < rows; r++) {
            int[] src = ids[(int) (r / tt)];
            for (int s = 0; s < ts; s++) {
                double d = dMixed.getDouble(r, src[s]);
                dWeights[r][s] = (1 - gv[r]) * d;
                dGenCopy[r] -= a[r][s] * d;
            }
        }
        dGen.addi(Nd4j.createFromArray(dGenCopy).castTo(dGen.dataType()).reshape(rows, 1));
        // p_gen = σ(z)
        INDArray dZ = dGen.muli(gen.mul(gen.rsub(1.0)));
        g.get(W_GEN_CONTEXT).addi(Products.mmulTN(f.context(), dZ));
        g.get(W_GEN_STATE).addi(Products.mmulTN(f.queries(), dZ));
        g.get(W_GEN_INPUT).addi(Products.mmulTN(f.inputs(), dZ));
        Products.addColumnSums(dZ, g.get(B_GEN));
        INDArray dInputs = Products.mmulNT(dZ, p.get(W_GEN_INPUT));
        var extra = new GlobalAttention.Extra(
                Nd4j.createFromArray(dWeights).castTo(dZ.dataType()).reshape('c', b, tt, ts),
                Products.mmulNT(dZ, p.get(W_GEN_CONTEXT)), Products.mmulNT(dZ, p.get(W_GEN_STATE)));
        INDArray stateEpsilon = dState.reshape('c', b, tt, hiddenSize).permute(0, 2, 1).dup('c');
        INDArray dInputsOut = dInputs.reshape('c', b, tt, inputSize).permute(0, 2, 1).dup('c');
        if (f.covered() != null) {
            CoverageAttention.Backward cb = coverage.backward(f.covered(), stateEpsilon, dLoss, p, g, extra);
            return new Backward(cb.dDecoder(), cb.dEncoder(), dInputsOut);
        }
        GlobalAttention.Backward ab = attention.backward(f.attention(), stateEpsilon, null, p, g, extra);
        return new Backward(ab.dDecoder(), ab.dEncoder(), dInputsOut);
    }

    /** The context vectors {@code [N, H]}: the first half of {@code [c; h]}. */
    private INDArray context(INDArray combined) {
        return combined.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hiddenSize)).dup('c');
    }

    /** Row-wise softmax. */
    private static INDArray softmax(INDArray logits) {
        INDArray e = Transforms.exp(logits.subColumnVector(logits.max(true, 1)), false);
        return e.diviColumnVector(e.sum(true, 1));
    }
}
