package org.seq2seq4j.core.graph;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.RnnLossLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runtime of {@link SoftmaxCrossEntropyLayer}: the score, the per-example scores and the gradient on views of the
 * logits, the labels and the mask as rows {@code [B·T, ...]} in example-major order, with no copies of the logits.
 */
public final class SoftmaxCrossEntropyLayerImpl extends RnnLossLayer {

    /**
     * The summed loss the last backward pass computed from its softmax, and the arrays it was for (compared by
     * identity: every forward pass hands over a new input array). DL4J asks for the score right after the
     * gradient; this spares a second pass over the {@code [B·T, V]} logits.
     */
    private double lastSum;
    private INDArray lastInput;
    private INDArray lastLabels;
    private INDArray lastMask;

    SoftmaxCrossEntropyLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private INDArray logitRows() {
        if (input.rank() != 3) {
            throw new IllegalArgumentException(layerId() + ": logits must be [batch, time, vocabulary], got "
                    + Arrays.toString(input.shape()));
        }
        return input.reshape('c', input.size(0) * input.size(1), input.size(2));
    }

    private INDArray labelRows() {
        if (labels == null) {
            throw new IllegalStateException(layerId() + ": no labels are set");
        }
        if (labels.rank() != 3 || labels.size(0) != input.size(0) || labels.size(1) != 1
                || labels.size(2) != input.size(1)) {
            throw new IllegalArgumentException(layerId() + ": labels must be ids [batch, 1, time] = ["
                    + input.size(0) + ", 1, " + input.size(1) + "], got " + Arrays.toString(labels.shape()));
        }
        return labels.reshape('c', labels.length(), 1);
    }

    private INDArray maskRows() {
        return maskArray == null ? null : maskArray.reshape('c', maskArray.length(), 1);
    }

    @Override
    public void setMaskArray(INDArray maskArray) {
        if (maskArray != null && maskArray.rank() != 2) {
            throw new IllegalArgumentException(layerId() + ": the label mask must be [batch, time], got "
                    + Arrays.toString(maskArray.shape()));
        }
        // kept as [B, T]: DL4J's RnnLossLayer flattens it in column-major order, which does not match the rows here
        this.maskArray = maskArray;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray delta;
        if (layerConf().getLossFn() instanceof SparseSoftmaxCrossEntropy loss) {
            double[] scores = new double[(int) (input.size(0) * input.size(1))];
            // computed where DL4J wants it, instead of copied there: the reference batch's gradient is 41 MB
            INDArray logits = logitRows();
            delta = loss.gradient(labelRows(), logits, maskRows(), scores, workspaceMgr.createUninitialized(
                    ArrayType.ACTIVATION_GRAD, logits.dataType(), logits.shape(), 'c'));
            lastSum = Arrays.stream(scores).sum();
            lastInput = input;
            lastLabels = labels;
            lastMask = maskArray;
        } else {
            delta = layerConf().getLossFn().computeGradient(labelRows(), logitRows(), layerConf().getActivationFn(),
                    maskRows());
        }
        INDArray eps = delta.reshape('c', input.size(0), input.size(1), input.size(2));
        return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, eps));
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        double sum = input == lastInput && labels == lastLabels && maskArray == lastMask ? lastSum
                : layerConf().getLossFn().computeScore(labelRows(), logitRows(), layerConf().getActivationFn(),
                        maskRows(), false);
        this.score = (sum + fullNetRegTerm) / getInputMiniBatchSize();
        return score;
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetRegTerm, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray rows = layerConf().getLossFn().computeScoreArray(labelRows(), logitRows(),
                layerConf().getActivationFn(), maskRows());
        INDArray perExample = rows.reshape('c', input.size(0), input.size(1)).sum(true, 1);
        if (fullNetRegTerm != 0) {
            perExample.addi(fullNetRegTerm);
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, perExample);
    }
}
