package org.seq2seq4j.attention;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.model.AttentionFactory;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.EncodedSource;
import org.seq2seq4j.core.model.Seq2SeqGraph;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.config.ModelConfig;

/**
 * Fills the core's {@link AttentionFactory} extension point with {@link GlobalAttentionVertex} (registered in
 * {@code META-INF/services}): the vertex {@value #ATTENTION} reads the decoder stack and the encoder stack and feeds the
 * output layer.
 */
public final class GlobalAttentionFactory implements AttentionFactory {

    /** Name of the attention vertex in the graph. */
    public static final String ATTENTION = "attention";

    @Override
    public String add(ComputationGraphConfiguration.GraphBuilder g, ModelConfig m, String decoderVertex,
                      String encoderVertex) {
        g.addVertex(ATTENTION, new GlobalAttentionVertex(m.attention(), m.hiddenSize()), decoderVertex,
                encoderVertex);
        return ATTENTION;
    }

    @Override
    public INDArray step(ComputationGraph graph, INDArray decoderOutput, EncodedSource encoded) {
        return vertex(graph).step(decoderOutput, encoded.states(), encoded.mask());
    }

    @Override
    public INDArray attentionWeights(Seq2SeqModel model, Batch batch) {
        ComputationGraph graph = model.graph();
        graph.setLayerMaskArrays(new INDArray[]{batch.sourceMask(), batch.targetMask()}, null);
        Map<String, INDArray> acts;
        try {
            acts = graph.feedForward(new INDArray[]{batch.source(), batch.targetInput()}, false, true);
        } finally {
            graph.clearLayerMaskArrays();
        }
        return vertex(graph).attentionWeights(acts.get(Seq2SeqGraph.DECODER), acts.get(Seq2SeqGraph.ENCODER),
                batch.sourceMask());
    }

    private static GlobalAttentionVertexImpl vertex(ComputationGraph graph) {
        if (!(graph.getVertex(ATTENTION) instanceof GlobalAttentionVertexImpl v)) {
            throw new IllegalArgumentException("the graph has no global attention vertex \"" + ATTENTION + "\"");
        }
        return v;
    }
}
