package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout with a <em>drop</em> probability (the PyTorch meaning; DL4J's {@code dropOut(x)} takes a keep
 * probability, which this toolkit never uses). Masks come from ND4J's global random generator, which the trainer
 * reseeds at every step so that a resumed run draws the same masks as an uninterrupted one.
 */
public final class Dropout {

    private Dropout() {
    }

    /**
     * A mask of the given shape whose elements are {@code 1/(1-p)} with probability {@code 1-p} and 0 otherwise, or
     * null when {@code p == 0}.
     */
    public static INDArray mask(DataType type, double p, long... shape) {
        if (p <= 0) {
            return null;
        }
        INDArray mask = Nd4j.create(type, shape);
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1.0 - p), Nd4j.getRandom());
        return mask.divi(1.0 - p);
    }

    /** {@code x * mask} as a new array, or {@code x} itself for a null mask. */
    public static INDArray apply(INDArray x, INDArray mask) {
        return mask == null ? x : x.mul(mask);
    }

    /** {@code dx * mask} in place, or {@code dx} for a null mask. */
    public static INDArray backward(INDArray dx, INDArray mask) {
        return mask == null ? dx : dx.muli(mask);
    }
}
