package org.seq2seq4j.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Central-difference gradient check of a double-precision {@link ComputationGraph} on one minibatch, for the
 * toolkit's custom vertices. DL4J's analytic gradient (after {@code computeGradientAndScore}) is the sum over the
 * minibatch and its score is the mean, so the analytic gradient is divided by the batch size before comparing.
 */
public final class GraphGradientCheck {

    /** A parameter whose analytic and numeric gradients disagree. */
    public record Failure(long index, double analytic, double numeric, double relativeError) {
    }

    private GraphGradientCheck() {
    }

    /**
     * Checks up to {@code maxChecks} parameters (all of them if there are fewer), chosen by {@code seed}.
     *
     * @return the failures (empty when the check passes)
     */
    public static List<Failure> check(ComputationGraph graph, MultiDataSet data, int maxChecks, long seed,
                                      double epsilon, double maxRelativeError, double minAbsoluteError) {
        if (graph.params().dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("gradient checks need a DOUBLE graph");
        }
        graph.setInputs(data.getFeatures());
        graph.setLabels(data.getLabels());
        graph.setLayerMaskArrays(data.getFeaturesMaskArrays(), data.getLabelsMaskArrays());
        graph.computeGradientAndScore();
        INDArray analytic = graph.getFlattenedGradients().dup().reshape(-1).divi(data.getFeatures(0).size(0));
        INDArray params = graph.params().reshape(-1);
        long n = params.length();
        List<Long> indices = new ArrayList<>();
        Random r = new Random(seed);
        if (n <= maxChecks) {
            for (long i = 0; i < n; i++) {
                indices.add(i);
            }
        } else {
            while (indices.size() < maxChecks) {
                long i = (long) (r.nextDouble() * n);
                if (!indices.contains(i)) {
                    indices.add(i);
                }
            }
        }
        List<Failure> failures = new ArrayList<>();
        for (long i : indices) {
            double orig = params.getDouble(i);
            params.putScalar(i, orig + epsilon);
            double plus = graph.score(data, false);
            params.putScalar(i, orig - epsilon);
            double minus = graph.score(data, false);
            params.putScalar(i, orig);
            double numeric = (plus - minus) / (2 * epsilon);
            double a = analytic.getDouble(i);
            double abs = Math.abs(a - numeric);
            double rel = abs == 0 ? 0 : abs / Math.max(Math.abs(a), Math.abs(numeric));
            if (rel > maxRelativeError && abs > minAbsoluteError) {
                failures.add(new Failure(i, a, numeric, rel));
            }
        }
        return failures;
    }
}
