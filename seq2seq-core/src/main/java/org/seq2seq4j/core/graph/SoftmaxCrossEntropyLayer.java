package org.seq2seq4j.core.graph;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loss of the vocabulary logits that {@link OutputProjectionVertex} computes: the sparse softmax
 * cross-entropy ({@link SparseSoftmaxCrossEntropy}) at the target ids, masked at padded steps. A DL4J {@code
 * RnnLossLayer} without parameters whose runtime ({@link SoftmaxCrossEntropyLayerImpl}) reads the {@code [B, T, V]}
 * logits as the {@code [B·T, V]} rows they are, where DL4J's copies them into another layout for the score and again
 * for the gradient.
 *
 * <p>Input: logits {@code [B, T, V]} (row order). Labels: ids {@code [B, 1, T]}, the toolkit's convention ({@link
 * org.seq2seq4j.core.model.Batch#targetOutput()}). Label mask {@code [B, T]}. Output: the logits.
 */
public class SoftmaxCrossEntropyLayer extends RnnLossLayer {

    public SoftmaxCrossEntropyLayer() {
        setLossFn(new SparseSoftmaxCrossEntropy());
        setActivationFn(new ActivationIdentity());
        setRnnDataFormat(RNNFormat.NWC);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        SoftmaxCrossEntropyLayerImpl layer = new SoftmaxCrossEntropyLayerImpl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
