package org.seq2seq4j.data.vocab;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Token frequencies accumulated one sequence at a time, so that a vocabulary can be built in one streaming pass over
 * a corpus without keeping it in memory ({@link #toVocabulary(int, int)}). Tokens equal to a special token string
 * ({@link Vocabulary#SPECIAL_TOKENS}) are not counted. Mutable and not thread-safe: fill it, then read it.
 */
public final class TokenCounts {

    private final Map<String, Long> counts = new HashMap<>();
    private long sequences;
    private long tokens;

    /**
     * Counts the tokens of one sequence.
     *
     * @param sequence tokens, e.g. one source sentence
     * @throws VocabularyException if a token is {@code null}, naming the sequence's position in this count
     */
    public void add(List<String> sequence) {
        for (String token : sequence) {
            if (token == null) {
                throw new VocabularyException("sequence " + sequences + " contains a null token: " + sequence);
            }
        }
        for (String token : sequence) {
            if (!Vocabulary.SPECIAL_TOKENS.contains(token)) {
                counts.merge(token, 1L, Long::sum);
                tokens++;
            }
        }
        sequences++;
    }

    /**
     * @param sequences tokenised sequences, counted in order
     * @return this, for chaining
     */
    public TokenCounts addAll(Iterable<? extends List<String>> sequences) {
        Objects.requireNonNull(sequences, "sequences");
        for (List<String> sequence : sequences) {
            add(sequence);
        }
        return this;
    }

    /**
     * @param other counts of other sequences
     * @return new counts of the sequences of both, e.g. source and target for a shared vocabulary
     */
    public TokenCounts plus(TokenCounts other) {
        TokenCounts sum = new TokenCounts();
        sum.counts.putAll(counts);
        other.counts.forEach((token, count) -> sum.counts.merge(token, count, Long::sum));
        sum.sequences = sequences + other.sequences;
        sum.tokens = tokens + other.tokens;
        return sum;
    }

    /**
     * @param token a token
     * @return how often it was counted (0 for special tokens)
     */
    public long count(String token) {
        return counts.getOrDefault(token, 0L);
    }

    /** @return the counts by token; unmodifiable, in no particular order */
    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(counts);
    }

    /** @return the number of different tokens counted */
    public int distinctTokens() {
        return counts.size();
    }

    /** @return the number of tokens counted, special tokens excluded */
    public long totalTokens() {
        return tokens;
    }

    /** @return the number of sequences counted */
    public long sequences() {
        return sequences;
    }

    /**
     * @param vocabulary a vocabulary
     * @return the share of counted tokens that the vocabulary has an id for (1 minus the unknown-token rate), in
     *         {@code [0, 1]}; 1 when nothing was counted
     */
    public double coverage(Vocabulary vocabulary) {
        if (tokens == 0) {
            return 1;
        }
        long covered = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (vocabulary.contains(entry.getKey())) {
                covered += entry.getValue();
            }
        }
        return (double) covered / tokens;
    }

    /**
     * The vocabulary of these counts; see {@link Vocabulary#build(TokenCounts, int, int)} for the order and limits.
     *
     * @param maxSize      the largest {@link Vocabulary#size()}, special tokens included; at least 4
     * @param minFrequency the fewest occurrences a token needs; at least 1
     * @return the vocabulary
     */
    public Vocabulary toVocabulary(int maxSize, int minFrequency) {
        return Vocabulary.build(this, maxSize, minFrequency);
    }
}
