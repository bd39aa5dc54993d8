package org.seq2seq4j.data.pair;

import java.util.List;

/**
 * One training example of a sequence-to-sequence task: the tokens the encoder reads and the tokens the decoder must
 * produce. Neither side includes {@code <s>} or {@code </s>}; those are added when ids are made (see
 * {@link org.seq2seq4j.data.vocab.Vocabulary}).
 *
 * @param source the encoder input tokens; copied, unmodifiable, no {@code null}s
 * @param target the decoder output tokens; copied, unmodifiable, no {@code null}s
 */
public record SequencePair(List<String> source, List<String> target) {

    /** Copies both sides so that the pair is immutable. */
    public SequencePair {
        source = List.copyOf(source);
        target = List.copyOf(target);
    }

    /**
     * @param side which side to return
     * @return {@link #source()} or {@link #target()}
     */
    public List<String> side(Side side) {
        return switch (side) {
            case SOURCE -> source;
            case TARGET -> target;
        };
    }
}
