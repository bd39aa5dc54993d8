package org.seq2seq4j.core.graph;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Negative log-likelihood of probabilities that a vertex has already computed (the copy mechanism's mixed
 * distribution), with labels given as ids: for each row {@code i} with label {@code y_i}, {@code -log(p[i, y_i] + eps)}.
 * DL4J's sparse cross-entropy needs logits and a softmax of its own, and one-hot labels as wide as the output; here the
 * output may be wider than any vocabulary (the per-batch extended vocabulary) and the gradient touches one entry a row.
 *
 * <p>Used after an identity activation in an {@code RnnLossLayer}: {@code preOutput} {@code [N, W]} holds
 * probabilities, {@code labels} {@code [N, 1]} ids in {@code 0..W-1}, the mask {@code [N, 1]} (or null) 1 for rows that
 * count. {@link #EPSILON} keeps the loss finite when a label's probability underflows to 0.
 */
public final class SparseNegativeLogLikelihood extends ToolkitLoss {

    /** Added to a label's probability before the logarithm. */
    public static final double EPSILON = 1e-10;

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        int[] ids = labelIds(labels, p);
        double[] keep = rowWeights(mask, ids.length);
        double[] out = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = keep[i] == 0 ? 0 : -keep[i] * Math.log(p.getDouble(i, ids[i]) + EPSILON);
        }
        return Nd4j.createFromArray(out).castTo(preOutput.dataType()).reshape(ids.length, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        int[] ids = labelIds(labels, p);
        double[] keep = rowWeights(mask, ids.length);
        INDArray dp = Nd4j.zeros(p.dataType(), p.shape());
        for (int i = 0; i < ids.length; i++) {
            if (keep[i] != 0) {
                dp.putScalar(i, ids[i], -keep[i] / (p.getDouble(i, ids[i]) + EPSILON));
            }
        }
        return activationFn.backprop(preOutput.dup(), dp).getFirst();
    }
}
