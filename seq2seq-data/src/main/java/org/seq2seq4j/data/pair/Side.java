package org.seq2seq4j.data.pair;

/** Which side of a {@link SequencePair} a reader streams or a vocabulary is built from. */
public enum Side {
    /** The encoder input, {@link SequencePair#source()}. */
    SOURCE,
    /** The decoder output, {@link SequencePair#target()}. */
    TARGET
}
