package org.seq2seq4j.core.graph;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax cross-entropy of logits at label ids, fused: for each row {@code i} with label {@code y_i}, the loss
 * {@code logsumexp(z_i) - z[i, y_i]} and the gradient {@code softmax(z_i) - onehot(y_i)}. DL4J's sparse
 * cross-entropy builds a one-hot label matrix as wide as the vocabulary and takes the softmax as a separate
 * activation; here each is one native operation over the logits and the labels stay ids.
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
     * from the same softmax: {@code -log softmax(z_i)[y_i]}, which equals {@code logsumexp(z_i) - z[i, y_i]}; a row
     * whose label probability is too small for a float to hold its logarithm exactly takes the log-sum-exp instead.
     * Masked rows get 0 in both.
     */
    public INDArray gradient(INDArray labels, INDArray logits, INDArray mask, double[] scores) {
        int[] ids = labelIds(labels, logits);
        double[] keep = rowWeights(mask, ids.length);
        INDArray grad = Nd4j.createUninitialized(logits.dataType(), logits.shape(), 'c');
        Nd4j.exec((CustomOp) new SoftMax(logits, grad, 1));
        for (int i = 0; i < ids.length; i++) {
            double p = grad.getDouble(i, ids[i]);
            if (scores != null) {
                scores[i] = keep[i] == 0 ? 0 : keep[i] * (p > 1e-30 ? -Math.log(p)
                        : logSumExp(logits.getRow(i).reshape(1, logits.size(1)))[0] - logits.getDouble(i, ids[i]));
            }
            grad.putScalar(i, ids[i], p - 1);
        }
        if (mask != null) {
            grad.muliColumnVector(mask.reshape(mask.length(), 1).castTo(grad.dataType()));
        }
        return grad;
    }

    /**
     * Row-wise {@code log Σ_j exp(z_ij)}, shifted by the row maximum so that large logits do not overflow (ND4J's
     * {@code LogSumExp} op gave -Infinity for a row next to one with large logits). Only for rows whose label
     * probability underflows: the broadcast subtraction costs twice the softmax.
     */
    private static double[] logSumExp(INDArray z) {
        INDArray max = z.max(true, 1);
        INDArray sums = Transforms.exp(z.subColumnVector(max), false).sum(true, 1);
        return Transforms.log(sums, false).addi(max).reshape(z.size(0)).toDoubleVector();
    }

    private static void requireIdentity(IActivation activationFn) {
        if (!(activationFn instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("the sparse softmax cross-entropy takes logits (identity activation), "
                    + "got activation " + activationFn);
        }
    }
}
