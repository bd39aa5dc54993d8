package org.seq2seq4j.core.rnn;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The recurrent cell of every encoder and decoder layer. */
public enum CellType {
    /** Long short-term memory (Hochreiter and Schmidhuber 1997), with a forget-gate bias initialised to 1. */
    @JsonProperty("lstm") LSTM,
    /** Gated recurrent unit (Cho et al. 2014), in the cuDNN/PyTorch form with the reset gate after the matrix product. */
    @JsonProperty("gru") GRU;

    /** The cell implementation. */
    public RecurrentCell cell() {
        return switch (this) {
            case LSTM -> new LstmCell();
            case GRU -> new GruCell();
        };
    }

    /** The name used in JSON configs. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
