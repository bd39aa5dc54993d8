package org.seq2seq4j.core.graph;

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
