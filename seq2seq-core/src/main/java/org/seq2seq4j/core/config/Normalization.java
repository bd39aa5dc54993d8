package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the summed loss of a batch is divided by before the gradient step (Joey NMT's {@code normalization}). */
public enum Normalization {
    /** Number of target tokens (including end-of-sequence): the gradient of the mean per-token loss. */
    @JsonProperty("tokens") TOKENS,
    /** Number of examples: the gradient of the mean per-sentence loss. */
    @JsonProperty("batch") BATCH
}
