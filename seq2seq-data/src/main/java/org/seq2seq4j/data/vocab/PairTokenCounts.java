package org.seq2seq4j.data.vocab;

import org.seq2seq4j.data.pair.SequencePair;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Source and target token frequencies of sentence pairs, counted in one pass, from which both kinds of vocabulary
 * pairs are built: {@link #separate(int, int, int, int) separate} source and target vocabularies, or one
 * {@link #shared(int, int) shared} vocabulary from the source and target counts added together. As a
 * {@link Consumer} it can be handed to a streaming corpus reader
 * ({@code corpus.forEach(counts)}) so that the corpus is never held in memory.
 */
public final class PairTokenCounts implements Consumer<SequencePair> {

    private final TokenCounts source = new TokenCounts();
    private final TokenCounts target = new TokenCounts();

    /**
     * @param pairs pairs to count, e.g. the training split
     * @return their counts
     */
    public static PairTokenCounts of(Iterable<SequencePair> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        PairTokenCounts counts = new PairTokenCounts();
        pairs.forEach(counts);
        return counts;
    }

    /** Counts the source and target tokens of one pair. */
    @Override
    public void accept(SequencePair pair) {
        source.add(pair.source());
        target.add(pair.target());
    }

    /** @return the source-side counts (live, not a copy) */
    public TokenCounts source() {
        return source;
    }

    /** @return the target-side counts (live, not a copy) */
    public TokenCounts target() {
        return target;
    }

    /**
     * @param maxSize      the largest vocabulary size, special tokens included; at least 4
     * @param minFrequency the fewest occurrences, on both sides together, a token needs; at least 1
     * @return one vocabulary used for both sides
     * @throws VocabularyException if a limit is out of range
     */
    public VocabularyPair shared(int maxSize, int minFrequency) {
        Vocabulary shared = source.plus(target).toVocabulary(maxSize, minFrequency);
        return new VocabularyPair(shared, shared);
    }

    /**
     * @param sourceMaxSize      the largest source vocabulary size, special tokens included; at least 4
     * @param sourceMinFrequency the fewest source occurrences a source token needs; at least 1
     * @param targetMaxSize      the largest target vocabulary size, special tokens included; at least 4
     * @param targetMinFrequency the fewest target occurrences a target token needs; at least 1
     * @return a source vocabulary from the source counts and a target vocabulary from the target counts
     * @throws VocabularyException if a limit is out of range
     */
    public VocabularyPair separate(int sourceMaxSize, int sourceMinFrequency, int targetMaxSize,
                                   int targetMinFrequency) {
        return new VocabularyPair(source.toVocabulary(sourceMaxSize, sourceMinFrequency),
                target.toVocabulary(targetMaxSize, targetMinFrequency));
    }
}
