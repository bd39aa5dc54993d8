package org.seq2seq4j.data.vocab;

/**
 * The source and target vocabularies of a translation model, made by {@link PairTokenCounts}. When shared (needed
 * for shared embeddings), both are the same vocabulary, built from the source and target counts together.
 *
 * @param source the vocabulary of the encoder input
 * @param target the vocabulary of the decoder output
 */
public record VocabularyPair(Vocabulary source, Vocabulary target) {

    /** Rejects missing vocabularies. */
    public VocabularyPair {
        if (source == null || target == null) {
            throw new VocabularyException("both the source and the target vocabulary are needed, got source "
                    + (source == null ? "null" : "of size " + source.size()) + " and target "
                    + (target == null ? "null" : "of size " + target.size()));
        }
    }

    /** @return whether source and target use one vocabulary (equal token lists) */
    public boolean isShared() {
        return source.equals(target);
    }
}
