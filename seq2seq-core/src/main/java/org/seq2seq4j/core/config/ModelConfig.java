package org.seq2seq4j.core.config;

import org.seq2seq4j.core.rnn.CellType;

/**
 * The architecture of an encoder–decoder: what {@code model} in an experiment file holds.
 *
 * @param cell             recurrent cell of encoder and decoder
 * @param embeddingSize    token embedding size
 * @param hiddenSize       recurrent state size; a bidirectional encoder gives each direction half of it
 * @param encoderLayers    stacked encoder layers
 * @param decoderLayers    stacked decoder layers
 * @param bidirectional    bidirectional encoder
 * @param reverseSource    feed the source tokens in reverse order (Sutskever et al. 2014)
 * @param sharedEmbeddings one embedding table for source and target (needs one vocabulary for both)
 * @param decoderInit      how the encoder's final state starts the decoder
 * @param feedContext      feed the encoder's final state to the decoder at every step, concatenated to the target
 *                         embedding (Cho et al. 2014)
 * @param attention        global attention over the encoder states, applied to the decoder output before the output
 *                         layer (Luong et al. 2015), or {@link AttentionType#NONE}; needs the {@code seq2seq-attention}
 *                         module on the class path
 * @param inputFeeding     feed the previous step's attentional state to the decoder, concatenated to its input, so
 *                         that attention runs inside the recurrence (Luong et al. 2015, section 3.3; OpenNMT-py's
 *                         {@code input_feed}); needs attention
 * @param copy             the pointer-generator (See et al. 2017): the output distribution mixes generation from the
 *                         target vocabulary with copying source tokens through the attention weights, over a
 *                         per-example extended vocabulary; needs attention and one vocabulary for source and target
 * @param coverage         coverage attention (Tu et al. 2016; See et al. 2017): the running sum of the previous steps'
 *                         attention weights is an input to the scores, and training adds the coverage loss
 *                         {@code Σ_i min(a_ti, c_ti)} weighted by the training phases' {@code coverageLossWeight};
 *                         needs attention
 * @param dropout          drop probability between stacked layers and on the decoder output
 * @param embeddingDropout drop probability on the embeddings
 */
public record ModelConfig(
        CellType cell,
        int embeddingSize,
        int hiddenSize,
        int encoderLayers,
        int decoderLayers,
        boolean bidirectional,
        boolean reverseSource,
        boolean sharedEmbeddings,
        DecoderInit decoderInit,
        boolean feedContext,
        AttentionType attention,
        boolean inputFeeding,
        boolean copy,
        boolean coverage,
        double dropout,
        double embeddingDropout) {

    public ModelConfig {
        ConfigException.atLeast("embeddingSize", embeddingSize, 1);
        ConfigException.atLeast("hiddenSize", hiddenSize, 1);
        ConfigException.atLeast("encoderLayers", encoderLayers, 1);
        ConfigException.atLeast("decoderLayers", decoderLayers, 1);
        ConfigException.probability("dropout", dropout);
        ConfigException.probability("embeddingDropout", embeddingDropout);
        if (cell == null) {
            throw ConfigException.invalid("cell", null, "is required");
        }
        if (decoderInit == null) {
            throw ConfigException.invalid("decoderInit", null, "is required");
        }
        if (attention == null) {
            throw ConfigException.invalid("attention", null, "is required");
        }
        if (inputFeeding && attention == AttentionType.NONE) {
            throw ConfigException.invalid("inputFeeding", true,
                    "feeds the attentional state back into the decoder and needs attention (dot, general or additive)");
        }
        if (copy && attention == AttentionType.NONE) {
            throw ConfigException.invalid("copy", true,
                    "copies source tokens with the attention weights and needs attention (dot, general or additive)");
        }
        if (copy && inputFeeding) {
            throw ConfigException.invalid("copy", true, "is not yet supported together with inputFeeding (valid "
                    + "combinations: copy with inputFeeding false)");
        }
        if (coverage && attention == AttentionType.NONE) {
            throw ConfigException.invalid("coverage", true,
                    "feeds the running sum of attention weights into the attention scores and needs attention (dot, "
                            + "general or additive)");
        }
        if (coverage && inputFeeding) {
            throw ConfigException.invalid("coverage", true, "is not yet supported together with inputFeeding (valid "
                    + "combinations: coverage with inputFeeding false)");
        }
        if (bidirectional && hiddenSize % 2 != 0) {
            throw ConfigException.invalid("hiddenSize", hiddenSize,
                    "must be even with a bidirectional encoder (each direction gets half)");
        }
        if (decoderInit == DecoderInit.ZERO && !feedContext && attention == AttentionType.NONE) {
            throw ConfigException.invalid("decoderInit", "zero",
                    "leaves the decoder without any view of the source: use \"last\" or \"bridge\", set feedContext "
                            + "to true, or use attention");
        }
    }

    /** An architecture without copy. */
    public ModelConfig(CellType cell, int embeddingSize, int hiddenSize, int encoderLayers, int decoderLayers,
                       boolean bidirectional, boolean reverseSource, boolean sharedEmbeddings, DecoderInit decoderInit,
                       boolean feedContext, AttentionType attention, boolean inputFeeding, double dropout,
                       double embeddingDropout) {
        this(cell, embeddingSize, hiddenSize, encoderLayers, decoderLayers, bidirectional, reverseSource,
                sharedEmbeddings, decoderInit, feedContext, attention, inputFeeding, false, false, dropout,
                embeddingDropout);
    }

    /** The same architecture with {@code copy} set. */
    public ModelConfig withCopy(boolean copy) {
        return new ModelConfig(cell, embeddingSize, hiddenSize, encoderLayers, decoderLayers, bidirectional,
                reverseSource, sharedEmbeddings, decoderInit, feedContext, attention, inputFeeding, copy, coverage,
                dropout, embeddingDropout);
    }

    /** The same architecture with {@code coverage} set. */
    public ModelConfig withCoverage(boolean coverage) {
        return new ModelConfig(cell, embeddingSize, hiddenSize, encoderLayers, decoderLayers, bidirectional,
                reverseSource, sharedEmbeddings, decoderInit, feedContext, attention, inputFeeding, copy, coverage,
                dropout, embeddingDropout);
    }
}
