package org.seq2seq4j.core.graph;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Parameter initialisation from ND4J's global generator (seeded by the graph's seed before initialisation). */
public final class ParamInit {

    private ParamInit() {
    }

    /** Fills {@code target} uniformly from [-limit, limit]. */
    public static void uniform(INDArray target, double limit) {
        INDArray r = Nd4j.rand(target.dataType(), target.shape());
        target.assign(r.muli(2 * limit).subi(limit));
    }
}
