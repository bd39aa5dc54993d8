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
        int[] ids = labelIds(labels, preOutput);
        double[] keep = rowWeights(mask, ids.length);
        double[] lse = logSumExp(preOutput);
        double[] out = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = keep[i] == 0 ? 0 : keep[i] * (lse[i] - preOutput.getDouble(i, ids[i]));
        }
        return Nd4j.createFromArray(out).castTo(preOutput.dataType()).reshape(ids.length, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireIdentity(activationFn);
        int[] ids = labelIds(labels, preOutput);
        double[] keep = rowWeights(mask, ids.length);
        INDArray grad = Nd4j.createUninitialized(preOutput.dataType(), preOutput.shape(), 'c');
        Nd4j.exec((CustomOp) new SoftMax(preOutput, grad, 1));
        for (int i = 0; i < ids.length; i++) {
            grad.putScalar(i, ids[i], grad.getDouble(i, ids[i]) - 1);
        }
        if (mask != null) {
            grad.muliColumnVector(mask.reshape(mask.length(), 1).castTo(grad.dataType()));
        }
        return grad;
    }

    /**
     * Row-wise {@code log Σ_j exp(z_ij)}, shifted by the row maximum so that large logits do not overflow (ND4J's
     * {@code LogSumExp} op gave -Infinity for a row next to one with large logits).
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
