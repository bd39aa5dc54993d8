package org.seq2seq4j.core.graph;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A penalty a vertex has already computed, added to the loss with per-position weights given as the labels:
 * {@code Σ_i labels_i · x_i} over the unmasked rows. The coverage loss uses it with labels holding the training phase's
 * coverage loss weight {@code λ} (0 outside training), so that the weight can change between steps without rebuilding
 * the graph, and the graph's score and gradient include the penalty exactly.
 *
 * <p>Used after an identity activation in an {@code RnnLossLayer}: {@code preOutput} and {@code labels} {@code [N, W]},
 * the mask {@code [N, 1]} or null.
 */
public final class WeightedPenalty extends ToolkitLoss {

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
}
