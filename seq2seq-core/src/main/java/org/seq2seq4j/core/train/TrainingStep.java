package org.seq2seq4j.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.config.TrainingConfig;
import org.seq2seq4j.core.io.Workspaces;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;

/**
 * One teacher-forced optimizer step on a batch: the graph's gradient (a sum over the batch), divided by the batch's
 * target tokens or examples ({@link TrainingConfig#normalization()}), clipped, and applied to the flat parameter
 * vector by the {@link Optimizer}. The unit of work of {@link Trainer}, and what the training benchmarks measure.
 */
public final class TrainingStep {

    private final Seq2SeqModel model;
    private final TrainingConfig config;
    private final Optimizer optimizer;

    public TrainingStep(Seq2SeqModel model, TrainingConfig config, Optimizer optimizer) {
        this.model = model;
        this.config = config;
        this.optimizer = optimizer;
    }

    /** A step with a fresh optimizer for {@code model}, as configured. */
    public static TrainingStep create(Seq2SeqModel model, TrainingConfig config) {
        return new TrainingStep(model, config, Optimizer.create(config.optimizer(), model.parameterCount(),
                model.graph().params().dataType()));
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Runs the step.
     *
     * @param b            the batch
     * @param learningRate the learning rate of this step
     * @param step         the step's number, for the message when the loss is not finite
     * @return the batch's summed loss (nats), with a coverage model's weighted coverage loss
     * @throws TrainingDivergedException when the loss is not finite (the parameters are left unchanged)
     */
    public double run(Batch b, double learningRate, long step) {
        var g = model.graph();
        g.setInputs(b.inputs());
        g.setLabels(b.labels(config.coverageLossWeight(step)));
        g.setLayerMaskArrays(b.inputMasks(), b.labelMasks());
        g.computeGradientAndScore();
        g.clearLayerMaskArrays();
        double lossSum = g.score() * b.size();
        if (!Double.isFinite(lossSum)) {
            throw new TrainingDivergedException("the training loss became " + lossSum + " at step " + step
                    + "; lower the learning rate or enable gradient clipping");
        }
        INDArray grad = g.getFlattenedGradients().reshape(g.params().length());
        grad.divi(switch (config.normalization()) {
            case TOKENS -> (double) b.targetTokens();
            case BATCH -> (double) b.size();
        });
        try (var ws = Workspaces.loop("seq2seq4j-optimizer")) {
            config.clipping().apply(grad);
            optimizer.step(g.params(), grad, learningRate);
        }
        return lossSum;
    }
}
