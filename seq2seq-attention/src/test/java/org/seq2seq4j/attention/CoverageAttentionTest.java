package org.seq2seq4j.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.AttentionType;

/**
 * Attention with coverage over a target sequence: the coverage is the running sum of the weights and really enters the
 * scores, the loss is Σ min(a, c), and every gradient (parameters, decoder and encoder states, through the coverage
 * recurrence and the coverage loss, with padded source and target positions) equals central differences.
 */
class CoverageAttentionTest {

    private static final int B = 3;
    private static final int H = 4;
    private static final int TS = 5;
    private static final int TT = 4;
    private static final INDArray SOURCE_MASK = Nd4j.createFromArray(new double[][]{
            {1, 1, 1, 1, 1}, {1, 1, 0, 0, 0}, {1, 1, 1, 1, 0}});
    private static final INDArray TARGET_MASK = Nd4j.createFromArray(new double[][]{
            {1, 1, 1, 1}, {1, 1, 1, 0}, {1, 1, 0, 0}});

    private static Map<String, INDArray> params(AttentionType type) {
        Nd4j.getRandom().setSeed(17);
        Map<String, INDArray> p = new LinkedHashMap<>();
        CoverageAttention.paramShapes(type, H).forEach((n, s) -> p.put(n, Nd4j.rand(DataType.DOUBLE, s).subi(0.5)
                .muli(2)));
        return p;
    }

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
    }

    @ParameterizedTest
    @EnumSource(value = AttentionType.class, names = {"DOT", "GENERAL", "ADDITIVE"})
    void coverageIsTheRunningSumOfWeightsEntersTheScoresAndGivesTheMinLoss(AttentionType type) {
        Map<String, INDArray> p = params(type);
        INDArray decoder = random(3, B, H, TT);
        INDArray encoder = random(4, B, H, TS);
        CoverageAttention attention = new CoverageAttention(type, H);
        CoverageAttention.Forward f = attention.forward(decoder, TARGET_MASK, encoder, SOURCE_MASK, p);

        INDArray running = Nd4j.zeros(DataType.DOUBLE, B, TS);
        for (int t = 0; t < TT; t++) {
            INDArray c = f.steps().get(t).coverage();
            assertTrue(running.equalsWithEps(c, 1e-12), "coverage before step " + t);
            INDArray a = f.weights().get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all());
            INDArray m = TARGET_MASK.get(NDArrayIndex.all(), NDArrayIndex.point(t)).reshape(B, 1);
            INDArray expectedLoss = Transforms.min(a, c, true).sum(1).reshape(B, 1).muli(m);
            assertTrue(expectedLoss.reshape(B).equalsWithEps(
                    f.coverageLoss().get(NDArrayIndex.all(), NDArrayIndex.point(t)), 1e-12));
            running.addi(a.mulColumnVector(m));
        }
        // with w_cov = 0 the coverage has no effect: plain global attention
        Map<String, INDArray> off = new LinkedHashMap<>(p);
        off.put(SingleQueryAttention.W_COV, Nd4j.zerosLike(p.get(SingleQueryAttention.W_COV)));
        INDArray plain = new GlobalAttention(type, H).forward(decoder, TARGET_MASK, encoder, SOURCE_MASK, off).output();
        assertTrue(plain.equalsWithEps(attention.forward(decoder, TARGET_MASK, encoder, SOURCE_MASK, off).output(),
                1e-12));
        assertFalse(plain.equalsWithEps(f.output(), 1e-6), "a non-zero w_cov changes the attentional states");
    }

    @ParameterizedTest
    @EnumSource(value = AttentionType.class, names = {"DOT", "GENERAL", "ADDITIVE"})
    void gradientsMatchCentralDifferencesThroughTheCoverageRecurrenceAndLoss(AttentionType type) {
        Map<String, INDArray> p = params(type);
        INDArray decoder = random(3, B, H, TT);
        INDArray encoder = random(4, B, H, TS);
        INDArray rOut = random(5, B, H, TT);
        INDArray rLoss = random(6, B, TT);
        CoverageAttention attention = new CoverageAttention(type, H);
        Supplier<Double> objective = () -> {
            CoverageAttention.Forward f = attention.forward(decoder, TARGET_MASK, encoder, SOURCE_MASK, p);
            return f.output().mul(rOut).sumNumber().doubleValue() + f.coverageLoss().mul(rLoss).sumNumber()
                    .doubleValue();
        };
        Map<String, INDArray> g = new LinkedHashMap<>();
        p.forEach((n, a) -> g.put(n, Nd4j.zerosLike(a)));
        CoverageAttention.Forward f = attention.forward(decoder, TARGET_MASK, encoder, SOURCE_MASK, p);
        CoverageAttention.Backward b = attention.backward(f, rOut, rLoss, p, g, null);

        p.forEach((name, value) -> check(name, value, g.get(name), objective));
        check("decoder", decoder, b.dDecoder(), objective);
        check("encoder", encoder, b.dEncoder(), objective);
    }

    private static void check(String name, INDArray x, INDArray analytic, Supplier<Double> objective) {
        assertEquals(x.length(), analytic.length(), name);
        INDArray flat = x.reshape(x.length());
        INDArray grad = analytic.dup('c').reshape(analytic.length());
        double eps = 1e-6;
        for (long i = 0; i < x.length(); i++) {
            double v = flat.getDouble(i);
            flat.putScalar(i, v + eps);
            double plus = objective.get();
            flat.putScalar(i, v - eps);
            double minus = objective.get();
            flat.putScalar(i, v);
            double numeric = (plus - minus) / (2 * eps);
            double a = grad.getDouble(i);
            double scale = Math.max(1e-4, Math.abs(numeric) + Math.abs(a));
            assertTrue(Math.abs(numeric - a) / scale < 1e-5 || Math.abs(numeric - a) < 1e-8,
                    name + "[" + i + "]: analytic " + a + ", numeric " + numeric);
        }
    }
}
