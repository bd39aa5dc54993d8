package org.seq2seq4j.data.corpus;

/**
 * One raw, untokenized sentence pair as read from a corpus file.
 *
 * @param source the source text, not blank
 * @param target the target text, not blank
 * @param line   the 1-based line where the pair starts (the same line in both files of a parallel corpus)
 */
public record TextPair(String source, String target, long line) {

    /** Rejects null texts and line numbers below 1. */
    public TextPair {
        if (source == null || target == null) {
            throw new IllegalArgumentException("source and target must not be null");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, got " + line);
        }
    }
}
