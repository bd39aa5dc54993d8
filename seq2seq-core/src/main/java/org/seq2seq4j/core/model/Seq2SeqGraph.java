package org.seq2seq4j.core.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.graph.EmbeddingVertex;
import org.seq2seq4j.core.graph.EncoderFinalStateVertex;
import org.seq2seq4j.core.graph.OutputProjectionVertex;
import org.seq2seq4j.core.graph.RecurrentStackVertex;
import org.seq2seq4j.core.graph.RepeatOverTimeVertex;
import org.seq2seq4j.core.graph.SoftmaxCrossEntropyLayer;
import org.seq2seq4j.core.graph.SparseNegativeLogLikelihood;
import org.seq2seq4j.core.graph.WeightedPenalty;
import org.seq2seq4j.core.graph.TimeSliceVertex;
import org.seq2seq4j.core.rnn.RecurrentStackSpec;

/**
 * Builds the encoder–decoder {@link ComputationGraph} from a {@link ModelConfig}. The data flow:
 * <pre>
 *   source ─► embedding ─► encoder stack ─► encoder_final ─┬─► [bridge] ─► decoder initial state
 *                                                           └─► repeated over time (feedContext) ─┐
 *   target_in ─► embedding ────────────────────────────────────────────────────────► merge ─► decoder stack ─►
 *                                          [attention over the encoder stack's outputs (AttentionFactory)] ─► output
 * </pre>
 * With input feeding the decoder stack and attention are one vertex ({@link AttentionFactory#addInputFeedingDecoder})
 * that runs attention at every step and feeds its result into the next step.
 * Inputs: {@value #SOURCE} {@code [B, Ts]} and {@value #TARGET_IN} {@code [B, Tt]} (ids, masked); output:
 * {@value #OUTPUT}, the logits {@code [B, Tt, V]} of the output projection ({@value #PROJECTION}, {@link
 * OutputProjectionVertex}), trained with a sparse softmax cross-entropy on ids {@code [B, 1, Tt]} ({@link
 * SoftmaxCrossEntropyLayer}). Models saved before format 6 have DL4J's {@code RnnOutputLayer} there instead, with
 * the softmax {@code [B, V, Tt]} as output; {@link Seq2SeqModel} reads both.
 * A copy model ({@link ModelConfig#copy()}) has a third input {@value #SOURCE_COPY} (the source's extended ids), and
 * attention and the output projection are one pointer-generator vertex ({@link AttentionFactory#addCopy}) whose mixed
 * distribution {@code [B, V + n, Tt]} a parameter-free loss layer scores ({@link SparseNegativeLogLikelihood}).
 */
public final class Seq2SeqGraph {

    public static final String SOURCE = "source";
    public static final String TARGET_IN = "target_in";
    /** A copy model's third input: the source as extended ids {@code [B, Ts]} in encoder order. */
    public static final String SOURCE_COPY = "source_copy";
    public static final String SHARED_EMBEDDING = "shared_embedding";
    public static final String SOURCE_EMBEDDED = "source_embedded";
    public static final String TARGET_EMBEDDED = "target_embedded";
    public static final String ENCODER = "encoder";
    public static final String ENCODER_FINAL = "encoder_final";
    public static final String BRIDGE = "bridge";
    public static final String CONTEXT = "context";
    public static final String DECODER_INPUT = "decoder_input";
    public static final String DECODER = "decoder";
    /** The output projection to vocabulary logits (not in copy models, where the pointer-generator projects). */
    public static final String PROJECTION = "projection";
    public static final String OUTPUT = "output";
    /** A coverage model's coverage loss per target step {@code [B, 1, Tt]}, added by the attention module. */
    public static final String COVERAGE_PENALTY = "coverage_penalty";
    /** A coverage model's second output: the coverage loss, weighted by its labels ({@link WeightedPenalty}). */
    public static final String COVERAGE_LOSS = "coverage_loss";

    private Seq2SeqGraph() {
    }

    /**
     * The graph configuration.
     *
     * @param sourceVocabulary source vocabulary size
     * @param targetVocabulary target vocabulary size
     * @param seed             parameter initialisation seed
     * @param dataType         FLOAT for training, DOUBLE for gradient checks
     */
    public static ComputationGraphConfiguration configuration(ModelConfig m, int sourceVocabulary,
                                                              int targetVocabulary, long seed, DataType dataType) {
        if (m.sharedEmbeddings() && sourceVocabulary != targetVocabulary) {
            throw ConfigException.invalid("sharedEmbeddings", true, "needs one vocabulary for source and target, got "
                    + sourceVocabulary + " and " + targetVocabulary + " tokens");
        }
        int e = m.embeddingSize();
        int h = m.hiddenSize();
        var g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder();
        if (m.copy()) {
            g.addInputs(SOURCE, TARGET_IN, SOURCE_COPY);
        } else {
            g.addInputs(SOURCE, TARGET_IN);
        }
        if (m.sharedEmbeddings()) {
            g.addVertex(SHARED_EMBEDDING, new EmbeddingVertex(sourceVocabulary, e, 2), SOURCE, TARGET_IN);
            g.addVertex(SOURCE_EMBEDDED, new TimeSliceVertex(e, false), SHARED_EMBEDDING, SOURCE);
            g.addVertex(TARGET_EMBEDDED, new TimeSliceVertex(e, true), SHARED_EMBEDDING, TARGET_IN);
        } else {
            g.addVertex(SOURCE_EMBEDDED, new EmbeddingVertex(sourceVocabulary, e, 1), SOURCE);
            g.addVertex(TARGET_EMBEDDED, new EmbeddingVertex(targetVocabulary, e, 1), TARGET_IN);
        }
        g.addVertex(ENCODER, new RecurrentStackVertex(new RecurrentStackSpec(m.cell(), e, h, m.encoderLayers(),
                m.bidirectional(), m.embeddingDropout(), m.dropout(), 0.0), false), SOURCE_EMBEDDED);
        g.addVertex(ENCODER_FINAL, new EncoderFinalStateVertex(h, m.bidirectional()), ENCODER);
        String decoderInput = TARGET_EMBEDDED;
        int decoderInputSize = e;
        if (m.feedContext()) {
            g.addVertex(CONTEXT, new RepeatOverTimeVertex(), ENCODER_FINAL, TARGET_IN);
            g.addVertex(DECODER_INPUT, new MergeVertex(), TARGET_EMBEDDED, CONTEXT);
            decoderInput = DECODER_INPUT;
            decoderInputSize = e + h;
        }
        String init = switch (m.decoderInit()) {
            case ZERO -> null;
            case LAST -> ENCODER_FINAL;
            case BRIDGE -> {
                g.addLayer(BRIDGE, new DenseLayer.Builder().nIn(h).nOut(h).activation(Activation.TANH).build(),
                        ENCODER_FINAL);
                yield BRIDGE;
            }
        };
        String top;
        if (m.inputFeeding()) {
            var spec = new RecurrentStackSpec(m.cell(), decoderInputSize + h, h, m.decoderLayers(), false,
                    m.embeddingDropout(), m.dropout(), m.dropout());
            top = AttentionFactory.load(m.attention()).addInputFeedingDecoder(g, m, spec, decoderInput, ENCODER, init);
        } else {
            var decoder = new RecurrentStackVertex(new RecurrentStackSpec(m.cell(), decoderInputSize, h,
                    m.decoderLayers(), false, m.embeddingDropout(), m.dropout(), m.dropout()), init != null);
            if (init == null) {
                g.addVertex(DECODER, decoder, decoderInput);
            } else {
                g.addVertex(DECODER, decoder, decoderInput, init);
            }
            if (m.copy()) {
                top = AttentionFactory.load(m.attention()).addCopy(g, m, DECODER, ENCODER, decoderInput,
                        decoderInputSize, SOURCE_COPY, targetVocabulary);
            } else {
                top = m.attention() == AttentionType.NONE ? DECODER
                        : AttentionFactory.load(m.attention()).add(g, m, DECODER, ENCODER);
            }
        }
        if (m.copy()) {
            g.addLayer(OUTPUT, new RnnLossLayer.Builder(new SparseNegativeLogLikelihood())
                    .activation(Activation.IDENTITY).dataFormat(RNNFormat.NCW).build(), top);
        } else {
            g.addVertex(PROJECTION, new OutputProjectionVertex(h, targetVocabulary), top);
            g.addLayer(OUTPUT, new SoftmaxCrossEntropyLayer(), PROJECTION);
        }
        if (m.coverage()) {
            g.addLayer(COVERAGE_LOSS, new RnnLossLayer.Builder(new WeightedPenalty())
                    .activation(Activation.IDENTITY).dataFormat(RNNFormat.NCW).build(), COVERAGE_PENALTY);
            g.setOutputs(OUTPUT, COVERAGE_LOSS);
        } else {
            g.setOutputs(OUTPUT);
        }
        if (m.decoderInit() == DecoderInit.ZERO && !m.feedContext()) {
            // the decoder sees the source through attention only; the encoder's summary is still computed, because
            // encoding hands it to decoding (EncodedSource.finalState)
            g.allowDisconnected(true);
        }
        return g.build();
    }

    /** A new, initialised graph. */
    public static ComputationGraph build(ModelConfig m, int sourceVocabulary, int targetVocabulary, long seed,
                                         DataType dataType) {
        ComputationGraph graph = new ComputationGraph(configuration(m, sourceVocabulary, targetVocabulary, seed,
                dataType));
        graph.init();
        return graph;
    }
}
