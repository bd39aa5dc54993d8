package org.seq2seq4j.core.graph;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.linalg.RowSoftmax;

/**
 * Softmax cross-entropy of logits at label ids, fused: for each row {@code i} with label {@code y_i}, the loss
 * {@code logsumexp(z_i) - z[i, y_i]} and the gradient {@code softmax(z_i) - onehot(y_i)}. DL4J's sparse
 * cross-entropy builds a one-hot label matrix as wide as the vocabulary and takes the softmax as a separate
 * activation; here both come from one fused loop over the logits and the labels stay ids.
 *
 * <p>{@code preOutput} {@code [N, V]} holds logits (the activation must be the identity), {@code labels} {@code [N, 1]}
 * ids in {@code 0..V-1}, the mask {@code [N, 1]} (or null) 1 for rows that count.
 */
public final class SparseSoftmaxCrossEntropy extends ToolkitLoss {

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireIdentity(activationFn);
        double[] out = new double[(int) preOutput.size(0)];
        gradient(labels, preOutput, mask, out);
        return Nd4j.createFromArray(out).castTo(preOutput.dataType()).reshape(out.length, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireIdentity(activationFn);
        return gradient(labels, preOutput, mask, null);
    }

    /**
     * The gradient with respect to the logits and, when {@code scores} is given (one entry a row), each row's loss
     * {@code logsumexp(z_i) - z[i, y_i]}, from one pass of exponentials ({@link RowSoftmax#crossEntropy}). Masked
     * rows get 0 in both.
     */
    public INDArray gradient(INDArray labels, INDArray logits, INDArray mask, double[] scores) {
        return gradient(labels, logits, mask, scores, Nd4j.createUninitialized(logits.dataType(), logits.shape(), 'c'));
    }

    /** {@link #gradient(INDArray, INDArray, INDArray, double[])} into {@code grad} (row-major, the logits' shape). */
    public INDArray gradient(INDArray labels, INDArray logits, INDArray mask, double[] scores, INDArray grad) {
        int[] ids = labelIds(labels, logits);
        RowSoftmax.crossEntropy(logits, ids, rowWeights(mask, ids.length), grad, scores);
        return grad;
    }

    private static void requireIdentity(IActivation activationFn) {
        if (!(activationFn instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("the sparse softmax cross-entropy takes logits (identity activation), "
                    + "got activation " + activationFn);
        }
    }
}
