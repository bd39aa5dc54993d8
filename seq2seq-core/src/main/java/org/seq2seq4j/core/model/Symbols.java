package org.seq2seq4j.core.model;

/**
 * The reserved token ids the model relies on. The data module's vocabularies use pad 0, begin 1, end 2, unknown 3;
 * the model takes whatever the vocabulary says.
 *
 * @param pad padding (never predicted; masked out everywhere)
 * @param bos begin-of-sequence: the decoder's first input
 * @param eos end-of-sequence: the decoder's last target; decoding stops when it is produced
 * @param unk unknown token: what the embeddings read for an extended-vocabulary id of a copy model, or {@code -1}
 *            when the vocabulary has none (models saved before format 4)
 */
public record Symbols(int pad, int bos, int eos, int unk) {

    public Symbols {
        if (pad == bos || pad == eos || bos == eos || pad < 0 || bos < 0 || eos < 0) {
            throw new IllegalArgumentException("pad, bos and eos must be distinct non-negative ids: " + pad + ", "
                    + bos + ", " + eos);
        }
        if (unk < -1 || unk == pad || unk == bos || unk == eos) {
            throw new IllegalArgumentException("unk must be -1 or an id distinct from pad, bos and eos: " + unk);
        }
    }

    /** Reserved ids without an unknown token. */
    public Symbols(int pad, int bos, int eos) {
        this(pad, bos, eos, -1);
    }
}
