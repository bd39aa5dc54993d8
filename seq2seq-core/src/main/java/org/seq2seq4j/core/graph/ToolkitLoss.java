package org.seq2seq4j.core.graph;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Common part of the toolkit's stateless loss functions: the score is the sum of the per-row scores (divided by the
 * rows when DL4J asks for an average), and all instances of one class are equal. DL4J stores loss functions in the
 * model's JSON by class name and restores them through the no-argument constructor.
 */
public abstract class ToolkitLoss implements ILossFunction {

    @Override
    public final double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                                     boolean average) {
        INDArray scores = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = scores.sumNumber().doubleValue();
        return average ? sum / scores.size(0) : sum;
    }

    @Override
    public final Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                                IActivation activationFn, INDArray mask,
                                                                boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /**
     * The ids in {@code labels} {@code [N, 1]} for outputs {@code [N, W]}.
     *
     * @throws IllegalArgumentException when the shapes disagree or an id is outside {@code 0..W-1}
     */
    protected static int[] labelIds(INDArray labels, INDArray outputs) {
        if (outputs.rank() != 2 || labels.rank() != 2 || labels.size(1) != 1 || labels.size(0) != outputs.size(0)) {
            throw new IllegalArgumentException("labels must be ids [N, 1] for outputs [N, W], got labels "
                    + Arrays.toString(labels.shape()) + " and outputs " + Arrays.toString(outputs.shape()));
        }
        int[] ids = labels.toIntVector();
        for (int id : ids) {
            if (id < 0 || id >= outputs.size(1)) {
                throw new IllegalArgumentException("label id " + id + " is outside the output's " + outputs.size(1)
                        + " entries");
            }
        }
        return ids;
    }

    /** The row weights of a mask {@code [N, 1]}, all 1 when it is null. */
    protected static double[] rowWeights(INDArray mask, int rows) {
        if (mask == null) {
            double[] ones = new double[rows];
            Arrays.fill(ones, 1);
            return ones;
        }
        return mask.reshape(mask.length()).toDoubleVector();
    }

    @Override
    public String name() {
        return getClass().getSimpleName();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return name() + "()";
    }
}
