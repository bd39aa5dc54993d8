package org.seq2seq4j.data.toy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The ordered symbol set a toy task draws its sequences from: the ten digits, or the first {@code n} lowercase
 * letters. Symbols are one-character strings whose natural string order is the alphabet order.
 */
final class Alphabet {

    /** The digits {@code 0..9}. */
    static final Alphabet DIGITS = new Alphabet(IntStream.rangeClosed('0', '9').mapToObj(Character::toString).toList());

    /** Smallest letter alphabet a task accepts: with one symbol, reversing, sorting and copying coincide. */
    static final int MIN_LETTERS = 2;
    /** Largest letter alphabet: the 26 lowercase ASCII letters. */
    static final int MAX_LETTERS = 26;

    /** Letter alphabets indexed by size (sizes below {@link #MIN_LETTERS} exist but no task accepts them). */
    private static final List<Alphabet> LETTERS = IntStream.rangeClosed(0, MAX_LETTERS)
            .mapToObj(size -> new Alphabet(IntStream.range(0, size)
                    .mapToObj(offset -> Character.toString('a' + offset)).toList()))
            .toList();

    private final List<String> symbols;

    private Alphabet(List<String> symbols) {
        this.symbols = symbols;
    }

    /**
     * @param size number of letters, in {@code [MIN_LETTERS, MAX_LETTERS]} (checked by the calling task)
     * @return the letters {@code a, b, ...} up to {@code size}
     */
    static Alphabet letters(int size) {
        return LETTERS.get(size);
    }

    /** @return the number of symbols */
    int size() {
        return symbols.size();
    }

    /** @return the last symbol */
    String last() {
        return symbols.get(symbols.size() - 1);
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
