package org.seq2seq4j.experiments.config;

import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.vocab.Vocabulary;

/**
 * How a corpus experiment's vocabularies are built from its training split: what {@code data.vocabulary} holds.
 * Tokens are ordered by frequency (ties by string) and limited as {@link Vocabulary#build} describes; every other
 * token becomes {@value Vocabulary#UNK_TOKEN}.
 *
 * @param shared       one vocabulary for source and target, from both sides' counts together (needed by
 *                     {@code model.sharedEmbeddings}); else one per side
 * @param maxSize      the largest vocabulary, the four special tokens included, per side (of the one vocabulary when
 *                     shared); at least 4
 * @param minFrequency the fewest training occurrences a token needs to get its own id; at least 1
 */
public record VocabularyConfig(boolean shared, int maxSize, int minFrequency) {

    public VocabularyConfig {
        ConfigException.atLeast("maxSize", maxSize, Vocabulary.SPECIAL_TOKENS.size());
        ConfigException.atLeast("minFrequency", minFrequency, 1);
    }
}
