package org.seq2seq4j.core.model;

/**
 * The reserved token ids the model relies on. The data module's vocabularies use pad 0, begin 1, end 2, unknown 3;
 * the model takes whatever the vocabulary says.
 *
 * @param pad padding (never predicted; masked out everywhere)
 * @param bos begin-of-sequence: the decoder's first input
 * @param eos end-of-sequence: the decoder's last target; decoding stops when it is produced
 */
public record Symbols(int pad, int bos, int eos) {

    public Symbols {
        if (pad == bos || pad == eos || bos == eos || pad < 0 || bos < 0 || eos < 0) {
            throw new IllegalArgumentException("pad, bos and eos must be distinct non-negative ids: " + pad + ", "
                    + bos + ", " + eos);
        }
    }
}
