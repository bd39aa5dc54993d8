package org.seq2seq4j.attention;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.config.AttentionType;

/** One query per example through {@link SingleQueryAttention} computes exactly what {@link GlobalAttention} does. */
class SingleQueryAttentionTest {

    private static final int B = 3;
    private static final int H = 4;
    private static final int TS = 5;

    private static Map<String, INDArray> params(AttentionType type) {
        Nd4j.getRandom().setSeed(17);
        Map<String, INDArray> p = new LinkedHashMap<>();
        GlobalAttention.paramShapes(type, H).forEach((n, s) -> p.put(n, Nd4j.rand(DataType.DOUBLE, s).subi(0.5)));
        return p;
    }

    private static Map<String, INDArray> zerosLike(Map<String, INDArray> p) {
        Map<String, INDArray> g = new LinkedHashMap<>();
        p.forEach((n, a) -> g.put(n, Nd4j.zeros(DataType.DOUBLE, a.shape())));
        return g;
    }

    @ParameterizedTest
    @EnumSource(value = AttentionType.class, names = {"DOT", "GENERAL", "ADDITIVE"})
    void forwardAndBackwardMatchGlobalAttentionForOneQuery(AttentionType type) {
        Map<String, INDArray> p = params(type);
        Nd4j.getRandom().setSeed(5);
        INDArray encoder = Nd4j.rand(DataType.DOUBLE, B, H, TS).subi(0.5);
        INDArray sourceMask = Nd4j.createFromArray(new double[][]{{1, 1, 1, 1, 1}, {1, 1, 0, 0, 0}, {1, 1, 1, 1, 0}});
        INDArray query = Nd4j.rand(DataType.DOUBLE, B, H).subi(0.5);
        INDArray stepMask = Nd4j.createFromArray(new double[][]{{1}, {1}, {0}});
        INDArray dOut = Nd4j.rand(DataType.DOUBLE, B, H).subi(0.5);

        GlobalAttention global = new GlobalAttention(type, H);
        GlobalAttention.Forward gf = global.forward(query.reshape(B, H, 1), stepMask, encoder, sourceMask, p);
        Map<String, INDArray> gg = zerosLike(p);
        GlobalAttention.Backward gb = global.backward(gf, dOut.reshape(B, H, 1), stepMask, p, gg);

        SingleQueryAttention single = new SingleQueryAttention(type, H);
        SingleQueryAttention.Keys keys = single.keys(encoder, sourceMask, p);
        SingleQueryAttention.Step sf = single.forward(query, stepMask, keys, p);
        Map<String, INDArray> sg = zerosLike(p);
        var kg = new SingleQueryAttention.KeyGradients();
        INDArray dq = single.backward(sf, dOut, stepMask, keys, p, sg, kg);
        INDArray dEncoder = single.encoderGradient(keys, kg, p, sg);

        assertTrue(gf.output().reshape(B, H).equalsWithEps(sf.output(), 1e-12), "output");
        assertTrue(gf.weights().reshape(B, TS).equalsWithEps(sf.weights(), 1e-12), "weights");
        assertTrue(gb.dDecoder().reshape(B, H).equalsWithEps(dq, 1e-12), "query gradient");
        assertTrue(gb.dEncoder().equalsWithEps(dEncoder, 1e-12), "encoder gradient");
        for (String name : p.keySet()) {
            assertTrue(gg.get(name).equalsWithEps(sg.get(name), 1e-12), "gradient of " + name);
        }
    }
}
