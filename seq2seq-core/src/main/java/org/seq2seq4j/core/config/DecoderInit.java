package org.seq2seq4j.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the decoder's initial state is made from the encoder's summary of the source (Joey NMT's {@code init_hidden}). */
public enum DecoderInit {
    /** Zeros: the decoder learns about the source only through the context vector (or attention). */
    @JsonProperty("zero") ZERO,
    /** The encoder's final state itself (Sutskever et al. 2014). */
    @JsonProperty("last") LAST,
    /** {@code tanh(W s + b)} of the encoder's final state {@code s} (Bahdanau et al. 2015, Joey NMT's "bridge"). */
    @JsonProperty("bridge") BRIDGE
}
