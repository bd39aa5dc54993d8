package org.seq2seq4j.core.graph;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A penalty a vertex has already computed, added to the loss with per-position weights given as the labels:
 * {@code Σ_i labels_i · x_i} over the unmasked rows. The coverage loss uses it with labels holding the training phase's
 * coverage loss weight {@code λ} (0 outside training), so that the weight can change between steps without rebuilding
 * the graph, and the graph's score and gradient include the penalty exactly.
 *
 * <p>Used after an identity activation in an {@code RnnLossLayer}: {@code preOutput} and {@code labels} {@code [N, W]},
 * the mask {@code [N, 1]} or null.
 */
public final class WeightedPenalty implements ILossFunction {

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray scores = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = scores.sumNumber().doubleValue();
        return average ? sum / scores.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray x = activationFn.getActivation(preOutput.dup(), true);
        INDArray weighted = x.muli(labels);
        if (mask != null) {
            weighted.muliColumnVector(mask.reshape(mask.length(), 1).castTo(weighted.dataType()));
        }
        return weighted.sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray d = labels.castTo(preOutput.dataType()).dup();
        if (mask != null) {
            d.muliColumnVector(mask.reshape(mask.length(), 1).castTo(d.dataType()));
        }
        return activationFn.backprop(preOutput.dup(), d).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "WeightedPenalty";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedPenalty;
    }

    @Override
    public int hashCode() {
        return WeightedPenalty.class.hashCode();
    }

    @Override
    public String toString() {
        return name() + "()";
    }
}
