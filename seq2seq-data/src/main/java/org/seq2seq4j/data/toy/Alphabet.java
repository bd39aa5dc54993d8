package org.seq2seq4j.data.toy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The ordered symbol set a toy task draws its sequences from: the ten digits, or the first {@code n} letters of
 * {@code a..z A..Z} (lowercase first, so alphabets of up to 26 letters are lowercase). Symbols are one-character
 * strings; {@link #order()} is the alphabet order, which for letters is not the natural string order ({@code "A"}
 * sorts before {@code "a"}, but {@code A} is the 27th letter).
 */
final class Alphabet {

    /** The digits {@code 0..9}. */
    static final Alphabet DIGITS = new Alphabet(IntStream.rangeClosed('0', '9').mapToObj(Character::toString).toList());

    /** Smallest letter alphabet a task accepts: with one symbol, reversing, sorting and copying coincide. */
    static final int MIN_LETTERS = 2;
    /** Largest letter alphabet: the 26 lowercase then the 26 uppercase ASCII letters. */
    static final int MAX_LETTERS = 52;

    /** The letters in alphabet order. */
    private static final List<String> ALL_LETTERS = IntStream.concat(IntStream.rangeClosed('a', 'z'),
            IntStream.rangeClosed('A', 'Z')).mapToObj(Character::toString).toList();

    /** Letter alphabets indexed by size (sizes below {@link #MIN_LETTERS} exist but no task accepts them). */
    private static final List<Alphabet> LETTERS = IntStream.rangeClosed(0, MAX_LETTERS)
            .mapToObj(size -> new Alphabet(ALL_LETTERS.subList(0, size)))
            .toList();

    private final List<String> symbols;

    private Alphabet(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    /**
     * @param size number of letters, in {@code [MIN_LETTERS, MAX_LETTERS]} (checked by the calling task)
     * @return the letters {@code a, b, ..., z, A, B, ...} up to {@code size}
     */
    static Alphabet letters(int size) {
        return LETTERS.get(size);
    }

    /** @return the number of symbols */
    int size() {
        return symbols.size();
    }

    /** @return the symbols as ranges for descriptions, {@code a-j} or {@code a-z, A-D} */
    String ranges() {
        List<String> ranges = new ArrayList<>();
        for (int start = 0; start < symbols.size(); ) {
            int end = start;
            while (end + 1 < symbols.size() && symbols.get(end + 1).charAt(0) == symbols.get(end).charAt(0) + 1) {
                end++;
            }
            ranges.add(start == end ? symbols.get(start) : symbols.get(start) + "-" + symbols.get(end));
            start = end + 1;
        }
        return String.join(", ", ranges);
    }

    /** @return the alphabet order of this alphabet's symbols (a symbol it lacks sorts first) */
    Comparator<String> order() {
        return Comparator.comparingInt(symbols::indexOf);
    }

    /**
     * Draws a sequence whose length is uniform in {@code [minLength, maxLength]} and whose symbols are uniform and
     * independent. Uses only {@link RandomGenerator#nextInt(int)}.
     */
    List<String> randomSequence(RandomGenerator rng, int minLength, int maxLength) {
        int length = minLength + rng.nextInt(maxLength - minLength + 1);
        List<String> sequence = new ArrayList<>(length);
        for (int position = 0; position < length; position++) {
            sequence.add(symbols.get(rng.nextInt(symbols.size())));
        }
        return Collections.unmodifiableList(sequence);
    }

    /**
     * Draws a sequence whose length is uniform in {@code [minLength, maxLength]} and in which no symbol occurs twice,
     * uniform among such sequences of that length (a partial Fisher-Yates shuffle of the symbols). Uses only
     * {@link RandomGenerator#nextInt(int)}.
     *
     * @param maxLength at most {@link #size()} (checked by the calling task)
     */
    List<String> randomDistinctSequence(RandomGenerator rng, int minLength, int maxLength) {
        int length = minLength + rng.nextInt(maxLength - minLength + 1);
        List<String> pool = new ArrayList<>(symbols);
        for (int position = 0; position < length; position++) {
            Collections.swap(pool, position, position + rng.nextInt(pool.size() - position));
        }
        return List.copyOf(pool.subList(0, length));
    }

    /**
     * {@link #randomDistinctSequence} if {@code distinct}, else {@link #randomSequence}: the one place a task's
     * {@code distinctSymbols} chooses how its sources are drawn.
     */
    List<String> randomSequence(RandomGenerator rng, int minLength, int maxLength, boolean distinct) {
        return distinct ? randomDistinctSequence(rng, minLength, maxLength) : randomSequence(rng, minLength, maxLength);
    }

    /**
     * @return the number of distinct sequences with a length in {@code [minLength, maxLength]} in which no symbol
     *         occurs twice, i.e. {@code sum(size! / (size - length)!)}, 0 for lengths above {@link #size()}, or
     *         {@link Long#MAX_VALUE} if that does not fit in a {@code long}
     */
    long countDistinctSequences(int minLength, int maxLength) {
        long total = 0;
        for (int length = minLength; length <= Math.min(maxLength, symbols.size()); length++) {
            long count = 1;
            for (int position = 0; position < length; position++) {
                int choices = symbols.size() - position;
                if (count > Long.MAX_VALUE / choices) {
                    return Long.MAX_VALUE;
                }
                count *= choices;
            }
            if (total > Long.MAX_VALUE - count) {
                return Long.MAX_VALUE;
            }
            total += count;
        }
        return total;
    }

    /** {@link #countDistinctSequences} if {@code distinct}, else {@link #countSequences}. */
    long countSequences(int minLength, int maxLength, boolean distinct) {
        return distinct ? countDistinctSequences(minLength, maxLength) : countSequences(minLength, maxLength);
    }

    /**
     * @return the number of distinct sequences with a length in {@code [minLength, maxLength]}, i.e.
     *         {@code sum(size^length)}, or {@link Long#MAX_VALUE} if that does not fit in a {@code long}
     */
    long countSequences(int minLength, int maxLength) {
        long total = 0;
        for (int length = minLength; length <= maxLength; length++) {
            long count = 1;
            for (int position = 0; position < length; position++) {
                if (count > Long.MAX_VALUE / symbols.size()) {
                    return Long.MAX_VALUE;
                }
                count *= symbols.size();
            }
            if (total > Long.MAX_VALUE - count) {
                return Long.MAX_VALUE;
            }
            total += count;
        }
        return total;
    }
}
