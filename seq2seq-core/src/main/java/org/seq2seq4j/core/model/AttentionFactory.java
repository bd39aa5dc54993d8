package org.seq2seq4j.core.model;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.config.ModelConfig;

/**
 * The extension point through which attention joins the core graph: the core knows where attention goes (between
 * the decoder stack and the output layer, or inside the decoder's recurrence with input feeding) and the
 * {@code seq2seq-attention} module knows what it computes. The core
 * finds the implementation with {@link ServiceLoader} ({@code META-INF/services/org.seq2seq4j.core.model.AttentionFactory}).
 */
public interface AttentionFactory {

    /**
     * Adds the attention vertices for {@link ModelConfig#attention()} to the graph. With {@link ModelConfig#coverage()}
     * it also adds the vertex {@link Seq2SeqGraph#COVERAGE_PENALTY} with the coverage loss of every target step
     * {@code [B, 1, Tt]}, for the core's coverage loss layer (in {@link #addCopy} too).
     *
     * @param g              the graph under construction
     * @param m              the architecture ({@code attention} is not {@link AttentionType#NONE})
     * @param decoderVertex  the decoder stack's vertex, output {@code [B, H, Tt]} with the target mask
     * @param encoderVertex  the encoder stack's vertex, output {@code [B, H, Ts]} with the source mask
     * @return the name of the vertex whose output {@code [B, H, Tt]} feeds the output layer
     */
    String add(ComputationGraphConfiguration.GraphBuilder g, ModelConfig m, String decoderVertex, String encoderVertex);

    /**
     * Adds an input-fed decoder (Luong et al. 2015, section 3.3): a recurrent stack whose input at step {@code t} is
     * the decoder input concatenated with the attentional state of step {@code t - 1} (zeros at the first step),
     * followed by attention at every step. The vertex is named {@link Seq2SeqGraph#DECODER}, implements
     * {@link org.seq2seq4j.core.graph.StepwiseStack}, and its output is the attentional states.
     *
     * @param g             the graph under construction
     * @param m             the architecture ({@code inputFeeding} is set)
     * @param stack         the decoder stack; its input size is the decoder input's size plus {@code H}
     * @param decoderInput  the vertex with the decoder input {@code [B, I, Tt]} and the target mask
     * @param encoderVertex the encoder stack's vertex, output {@code [B, H, Ts]} with the source mask
     * @param initVertex    the vertex with the decoder's initial state {@code [B, H]}, or null for zeros
     * @return the name of the vertex whose output {@code [B, H, Tt]} feeds the output layer
     */
    String addInputFeedingDecoder(ComputationGraphConfiguration.GraphBuilder g, ModelConfig m,
                                  org.seq2seq4j.core.rnn.RecurrentStackSpec stack, String decoderInput,
                                  String encoderVertex, String initVertex);

    /**
     * Adds attention with the pointer-generator output (See et al. 2017) in place of attention and the output
     * projection: the returned vertex's output {@code [B, V + n, Tt]} is the mixed distribution over the batch's
     * extended vocabulary (probabilities, not logits), for a parameter-free loss layer.
     *
     * @param g                the graph under construction
     * @param m                the architecture ({@code copy} is set)
     * @param decoderVertex    the decoder stack's vertex, output {@code [B, H, Tt]} with the target mask
     * @param encoderVertex    the encoder stack's vertex, output {@code [B, H, Ts]} with the source mask
     * @param decoderInput     the vertex with the decoder input {@code [B, I, Tt]}
     * @param decoderInputSize {@code I}
     * @param copyInput        the graph input with the source's extended ids {@code [B, Ts]} in encoder order
     * @param targetVocabulary {@code V}
     * @return the name of the vertex with the mixed distribution
     */
    String addCopy(ComputationGraphConfiguration.GraphBuilder g, ModelConfig m, String decoderVertex,
                   String encoderVertex, String decoderInput, int decoderInputSize, String copyInput,
                   int targetVocabulary);

    /**
     * One decoding step of a copy model's output.
     *
     * @param logProbabilities log of the mixed distribution {@code [B, V + n]} (plus
     *                         {@link org.seq2seq4j.core.graph.SparseNegativeLogLikelihood#EPSILON}, as in training)
     * @param generation       {@code p_gen} {@code [B, 1]}
     * @param weights          attention weights {@code [B, Ts]}
     */
    record CopyStep(INDArray logProbabilities, INDArray generation, INDArray weights) {
    }

    /**
     * One decoding step of the output added by {@link #addCopy}.
     *
     * @param decoderOutput the decoder stack's output for one step {@code [B, H]}
     * @param decoderInput  the step's decoder input {@code [B, I]}
     * @param encoded       the encoder states, source mask and copy ids of the batch
     * @param coverage      as in {@link #step}
     */
    CopyStep copyStep(ComputationGraph graph, INDArray decoderOutput, INDArray decoderInput, EncodedSource encoded,
                      INDArray coverage);

    /**
     * What one decoding step of attention computed.
     *
     * @param output  the attentional state {@code [B, H]} that feeds the output layer
     * @param weights the attention weights {@code [B, Ts]}
     */
    record AttentionStep(INDArray output, INDArray weights) {
    }

    /**
     * One decoding step of the attention added by {@link #add} or {@link #addInputFeedingDecoder}, with the same
     * computation and parameters.
     *
     * @param graph         the graph built with {@link #add}
     * @param decoderOutput the decoder stack's output for one step {@code [B, H]}
     * @param encoded       the encoder states and source mask of the batch
     * @param coverage      the running sum of the previous steps' weights {@code [B, Ts]}, read by a coverage model's
     *                      scores (ignored otherwise)
     */
    AttentionStep step(ComputationGraph graph, INDArray decoderOutput, EncodedSource encoded, INDArray coverage);

    /**
     * The teacher-forced attention weights of a model built with {@link #add} on a batch.
     *
     * @return {@code [B, Tt, Ts]}: each row sums to 1 over the real source positions and is exactly 0 at padded ones
     *         (rows of padded target steps included); source positions in the order the encoder saw them
     */
    INDArray attentionWeights(Seq2SeqModel model, Batch batch);

    /**
     * The implementation on the class path.
     *
     * @throws ConfigException at {@code attention} when there is none
     */
    static AttentionFactory load(AttentionType type) {
        Iterator<AttentionFactory> it = ServiceLoader.load(AttentionFactory.class, AttentionFactory.class.getClassLoader())
                .iterator();
        if (!it.hasNext()) {
            throw ConfigException.invalid("attention", type.name().toLowerCase(java.util.Locale.ROOT),
                    "needs the seq2seq-attention module on the class path (no " + AttentionFactory.class.getName()
                            + " service was found)");
        }
        return it.next();
    }
}
