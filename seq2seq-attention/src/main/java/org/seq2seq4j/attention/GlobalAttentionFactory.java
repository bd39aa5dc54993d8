package org.seq2seq4j.attention;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.graph.FeatureSliceVertex;
import org.seq2seq4j.core.model.AttentionFactory;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.EncodedSource;
import org.seq2seq4j.core.model.Seq2SeqGraph;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.rnn.RecurrentStackSpec;

/**
 * Fills the core's {@link AttentionFactory} extension point (registered in {@code META-INF/services}): without input
 * feeding, the {@link GlobalAttentionVertex} {@value #ATTENTION} reads the decoder stack and the encoder stack and feeds
 * the output layer; with input feeding, the {@link InputFeedingDecoderVertex} takes the decoder's place and holds the
 * attention itself.
 */
public final class GlobalAttentionFactory implements AttentionFactory {

    /** Name of the attention vertex in the graph. */
    public static final String ATTENTION = "attention";
    /** Name of the attention and pointer-generator vertex of a copy model. */
    public static final String COPY = "copy";

    /** Name of the attentional-states slice of a coverage model's attention output. */
    public static final String ATTENTIONAL_STATES = "attentional_states";
    /** Name of the distribution slice of a copy model with coverage. */
    public static final String MIXTURE = "mixture";

    @Override
    public String add(ComputationGraphConfiguration.GraphBuilder g, ModelConfig m, String decoderVertex,
                      String encoderVertex) {
        if (m.coverage()) {
            g.addVertex(ATTENTION, new CoverageAttentionVertex(m.attention(), m.hiddenSize()), decoderVertex,
                    encoderVertex);
            g.addVertex(Seq2SeqGraph.COVERAGE_PENALTY, new FeatureSliceVertex(0, 1, 1), ATTENTION);
            g.addVertex(ATTENTIONAL_STATES, new FeatureSliceVertex(1, 1 + m.hiddenSize(), m.hiddenSize()),
                    ATTENTION);
            return ATTENTIONAL_STATES;
        }
        g.addVertex(ATTENTION, new GlobalAttentionVertex(m.attention(), m.hiddenSize()), decoderVertex,
                encoderVertex);
        return ATTENTION;
    }

    @Override
    public String addInputFeedingDecoder(ComputationGraphConfiguration.GraphBuilder g, ModelConfig m,
                                         RecurrentStackSpec stack, String decoderInput, String encoderVertex,
                                         String initVertex) {
        var vertex = new InputFeedingDecoderVertex(stack, initVertex != null, m.attention());
        if (initVertex == null) {
            g.addVertex(Seq2SeqGraph.DECODER, vertex, decoderInput, encoderVertex);
        } else {
            g.addVertex(Seq2SeqGraph.DECODER, vertex, decoderInput, encoderVertex, initVertex);
        }
        return Seq2SeqGraph.DECODER;
    }

    @Override
    public String addCopy(ComputationGraphConfiguration.GraphBuilder g, ModelConfig m, String decoderVertex,
                          String encoderVertex, String decoderInput, int decoderInputSize, String copyInput,
                          int targetVocabulary) {
        g.addVertex(COPY, new PointerGeneratorVertex(m.attention(), m.hiddenSize(), decoderInputSize,
                targetVocabulary, m.coverage()), decoderVertex, encoderVertex, decoderInput, copyInput);
        if (m.coverage()) {
            g.addVertex(Seq2SeqGraph.COVERAGE_PENALTY, new FeatureSliceVertex(0, 1, 1), COPY);
            g.addVertex(MIXTURE, new FeatureSliceVertex(1, -1, targetVocabulary), COPY);
            return MIXTURE;
        }
        return COPY;
    }

    @Override
    public CopyStep copyStep(ComputationGraph graph, INDArray decoderOutput, INDArray decoderInput,
                             EncodedSource encoded, INDArray coverage) {
        return copyVertex(graph).step(decoderOutput, decoderInput, encoded, coverage);
    }

    private static PointerGeneratorVertexImpl copyVertex(ComputationGraph graph) {
        if (!(graph.getVertex(COPY) instanceof PointerGeneratorVertexImpl v)) {
            throw new IllegalArgumentException("the graph has no pointer-generator vertex \"" + COPY + "\"");
        }
        return v;
    }

    @Override
    public AttentionStep step(ComputationGraph graph, INDArray decoderOutput, EncodedSource encoded,
                              INDArray coverage) {
        if (graph.getVertex(Seq2SeqGraph.DECODER) instanceof InputFeedingDecoderVertexImpl fed) {
            return fed.attend(decoderOutput, encoded.states(), encoded.mask());
        }
        if (graph.getVertex(ATTENTION) instanceof CoverageAttentionVertexImpl covered) {
            return covered.step(decoderOutput, encoded.states(), encoded.mask(), coverage);
        }
        return vertex(graph).step(decoderOutput, encoded.states(), encoded.mask());
    }

    @Override
    public INDArray attentionWeights(Seq2SeqModel model, Batch batch) {
        ComputationGraph graph = model.graph();
        graph.setLayerMaskArrays(batch.inputMasks(), null);
        Map<String, INDArray> acts;
        try {
            acts = graph.feedForward(batch.inputs(), false, true);
        } finally {
            graph.clearLayerMaskArrays();
        }
        if (graph.getVertex(Seq2SeqGraph.DECODER) instanceof InputFeedingDecoderVertexImpl fed) {
            List<String> inputs = graph.getConfiguration().getVertexInputs().get(Seq2SeqGraph.DECODER);
            return fed.attentionWeights(acts.get(inputs.get(0)), batch.targetMask(), acts.get(Seq2SeqGraph.ENCODER),
                    batch.sourceMask(), inputs.size() > 2 ? acts.get(inputs.get(2)) : null);
        }
        if (graph.getVertex(COPY) instanceof PointerGeneratorVertexImpl copy) {
            return copy.attentionWeights(acts.get(Seq2SeqGraph.DECODER), acts.get(Seq2SeqGraph.ENCODER),
                    batch.sourceMask());
        }
        if (graph.getVertex(ATTENTION) instanceof CoverageAttentionVertexImpl covered) {
            return covered.attentionWeights(acts.get(Seq2SeqGraph.DECODER), acts.get(Seq2SeqGraph.ENCODER),
                    batch.sourceMask());
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
