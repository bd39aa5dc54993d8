package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Global attention over the encoder states after the decoder stack (Luong et al. 2015, section 3.1, without input
 * feeding), named by its score function {@code score(h_t, s_s)}. The computation lives in the {@code seq2seq-attention}
 * module, which the core finds through {@link org.seq2seq4j.core.model.AttentionFactory}.
 */
public enum AttentionType {
    /** No attention: the decoder output feeds the output layer. */
    @JsonProperty("none") NONE,
    /** {@code h_t · s_s} (Luong et al. 2015, eq. 8 "dot"). */
    @JsonProperty("dot") DOT,
    /** {@code h_t · (W_a s_s)} (Luong et al. 2015, eq. 8 "general"). */
    @JsonProperty("general") GENERAL,
    /** {@code v · tanh(W_1 h_t + W_2 s_s)} (Bahdanau et al. 2015, appendix A.1.2). */
    @JsonProperty("additive") ADDITIVE
}
