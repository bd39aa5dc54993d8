package org.seq2seq4j.attention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.AttentionType;

/**
 * Global attention with coverage over a whole target sequence, teacher-forced (Tu et al. 2016; See et al. 2017,
 * section 2.3). The coverage vector {@code c_t = Σ_{t' < t} a_t'} is the running sum of the previous steps' attention
 * weights (zero at the first step) and an input to the scores ({@link SingleQueryAttention#forward(INDArray, INDArray,
 * SingleQueryAttention.Keys, INDArray, java.util.Map)}); the coverage loss of step {@code t} is
 * {@code Σ_i min(a_ti, c_ti)}. Because each step's weights depend on the previous ones, the steps run in order, and
 * the backward pass carries the coverage gradient back through time.
 *
 * <p>Tensors: decoder states {@code [B, H, Tt]}, target mask {@code [B, Tt]}, encoder states {@code [B, H, Ts]},
 * source mask {@code [B, Ts]}; outputs: attentional states {@code [B, H, Tt]} (zero at padded target steps), weights
 * {@code [B, Tt, Ts]}, coverage loss per step {@code [B, Tt]} (zero at padded steps). Padded target steps add nothing to
 * the coverage.
 */
public final class CoverageAttention {

    private final SingleQueryAttention step;
    private final int hiddenSize;

    public CoverageAttention(AttentionType type, int hiddenSize) {
        this.step = new SingleQueryAttention(type, hiddenSize, true);
        this.hiddenSize = hiddenSize;
    }

    /** Parameter names and shapes in flat-vector order: global attention's, then {@value SingleQueryAttention#W_COV}. */
    public static Map<String, long[]> paramShapes(AttentionType type, int hiddenSize) {
        Map<String, long[]> shapes = new LinkedHashMap<>(GlobalAttention.paramShapes(type, hiddenSize));
        shapes.put(SingleQueryAttention.W_COV, SingleQueryAttention.coverageShape(type, hiddenSize));
        return shapes;
    }

    /**
     * What the forward pass computed.
     *
     * @param keys         the prepared encoder side
     * @param steps        every step's forward pass (each with the coverage vector it read)
     * @param stepMasks    the target mask of every step {@code [B, 1]}
     * @param output       attentional states {@code [B, H, Tt]}
     * @param weights      attention weights {@code [B, Tt, Ts]}
     * @param coverageLoss {@code Σ_i min(a_ti, c_ti)} per example and step {@code [B, Tt]}
     */
    public record Forward(SingleQueryAttention.Keys keys, List<SingleQueryAttention.Step> steps,
                          List<INDArray> stepMasks, INDArray output, INDArray weights, INDArray coverageLoss) {

        /** The same record with every array passed through {@code f}. */
        public Forward map(UnaryOperator<INDArray> f) {
            return new Forward(keys.map(f), steps.stream().map(s -> s.map(f)).toList(),
                    stepMasks.stream().map(f).toList(), f.apply(output), f.apply(weights), f.apply(coverageLoss));
        }
    }

    /** The forward pass; {@code targetMask} and {@code sourceMask} may be null. */
    public Forward forward(INDArray decoder, INDArray targetMask, INDArray encoder, INDArray sourceMask,
                           Map<String, INDArray> p) {
        long b = decoder.size(0);
        long tt = decoder.size(2);
        long ts = encoder.size(2);
        SingleQueryAttention.Keys keys = step.keys(encoder, sourceMask, p);
        INDArray coverage = Nd4j.zeros(decoder.dataType(), b, ts);
        List<SingleQueryAttention.Step> steps = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        INDArray output = Nd4j.zeros(decoder.dataType(), b, hiddenSize, tt);
        INDArray weights = Nd4j.zeros(decoder.dataType(), b, tt, ts);
        INDArray loss = Nd4j.zeros(decoder.dataType(), b, tt);
        for (int t = 0; t < tt; t++) {
            INDArray q = decoder.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).dup('c');
            INDArray m = targetMask == null ? Nd4j.ones(decoder.dataType(), b, 1)
                    : targetMask.get(NDArrayIndex.all(), NDArrayIndex.point(t)).dup('c').reshape(b, 1);
            SingleQueryAttention.Step s = step.forward(q, m, keys, coverage, p);
            INDArray a = s.weights();
            loss.get(NDArrayIndex.all(), NDArrayIndex.point(t)).assign(
                    Transforms.min(a, coverage, true).sum(1).reshape(b).muli(m.reshape(b)));
            output.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).assign(s.output());
            weights.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).assign(a);
            steps.add(s);
            masks.add(m);
            coverage = coverage.add(a.mulColumnVector(m));
        }
        return new Forward(keys, steps, masks, output, weights, loss);
    }

    /**
     * The attentional states before target masking {@code [B*Tt, H]}, in batch-major row order {@code b * Tt + t}
     * (what the copy mechanism's vocabulary distribution reads).
     */
    public static INDArray states(Forward f) {
        return rows(f, SingleQueryAttention.Step::state);
    }

    /** The context vectors {@code [B*Tt, H]}, rows as {@link #states}. */
    public static INDArray contexts(Forward f, int hiddenSize) {
        return rows(f, s -> s.combined().get(NDArrayIndex.all(), NDArrayIndex.interval(0, hiddenSize)));
    }

    /** The decoder states {@code [B*Tt, H]}, rows as {@link #states}. */
    public static INDArray queries(Forward f) {
        return rows(f, SingleQueryAttention.Step::query);
    }

    private static INDArray rows(Forward f, java.util.function.Function<SingleQueryAttention.Step, INDArray> part) {
        long b = f.steps().get(0).query().size(0);
        INDArray[] perStep = f.steps().stream().map(part).map(x -> x.reshape('c', b, 1, x.size(1)))
                .toArray(INDArray[]::new);
        INDArray stacked = Nd4j.concat(1, perStep);
        return stacked.reshape('c', b * perStep.length, stacked.size(2));
    }

    /** Gradients for the inputs: decoder states {@code [B, H, Tt]} and encoder states {@code [B, H, Ts]}. */
    public record Backward(INDArray dDecoder, INDArray dEncoder) {
    }

    /**
     * The backward pass: adds the parameter gradients (sums over the batch) into {@code g}.
     *
     * @param dOutput gradient of the attentional states {@code [B, H, Tt]}
     * @param dLoss   gradient of the per-step coverage loss {@code [B, Tt]}, or null
     * @param extra   gradients from elsewhere than the outputs (the copy mechanism's), with rows in batch-major order
     *                {@code b * Tt + t}; or null
     */
    public Backward backward(Forward f, INDArray dOutput, INDArray dLoss, Map<String, INDArray> p,
                             Map<String, INDArray> g, GlobalAttention.Extra extra) {
        int tt = f.steps().size();
        SingleQueryAttention.Step first = f.steps().get(0);
        long b = first.query().size(0);
        var kg = new SingleQueryAttention.KeyGradients();
        INDArray dDecoder = Nd4j.zeros(dOutput.dataType(), b, hiddenSize, tt);
        // gradient of c_{t+1}, the coverage after step t
        INDArray dNext = Nd4j.zerosLike(first.weights());
        INDArray extraContext = extra == null || extra.dContext() == null ? null
                : extra.dContext().reshape('c', b, tt, hiddenSize);
        INDArray extraQueries = extra == null || extra.dQueries() == null ? null
                : extra.dQueries().reshape('c', b, tt, hiddenSize);
        for (int t = tt - 1; t >= 0; t--) {
            SingleQueryAttention.Step s = f.steps().get(t);
            INDArray m = f.stepMasks().get(t);
            INDArray a = s.weights();
            INDArray c = s.coverage();
            // c_{t+1} = c_t + m a_t
            INDArray dA = dNext.mulColumnVector(m);
            if (extra != null && extra.dWeights() != null) {
                dA.addi(extra.dWeights().get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()));
            }
            INDArray dC = dNext.dup();
            if (dLoss != null) {
                // loss_t = m Σ min(a, c): the gradient goes to the smaller of the two (to c at ties)
                INDArray r = dLoss.get(NDArrayIndex.all(), NDArrayIndex.point(t)).dup('c').reshape(b, 1).muli(m);
                INDArray aSmaller = a.lt(c).castTo(a.dataType());
                dA.addi(aSmaller.mulColumnVector(r));
                dC.addi(aSmaller.rsub(1.0).muliColumnVector(r));
            }
            INDArray dOut = dOutput.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).dup('c');
            INDArray[] dCoverage = new INDArray[1];
            INDArray dCtx = extraContext == null ? null
                    : extraContext.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).dup('c');
            INDArray dq = step.backward(s, dOut, dA, dCtx, m, f.keys(), p, g, kg, dCoverage);
            if (extraQueries != null) {
                dq.addi(extraQueries.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()));
            }
            dDecoder.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).assign(dq);
            dNext = dC.addi(dCoverage[0]);
        }
        return new Backward(dDecoder, step.encoderGradient(f.keys(), kg, p, g));
    }
}
