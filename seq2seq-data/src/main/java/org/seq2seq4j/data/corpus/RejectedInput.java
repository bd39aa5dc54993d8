package org.seq2seq4j.data.corpus;

import org.seq2seq4j.data.text.WhitespaceTokenizer;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Applies a {@link BadInputPolicy} to bad input found by a {@link PairSource}: throws a {@link CorpusReadException},
 * or counts the skip per {@link BadInputKind}. Also the one definition of an empty side.
 */
final class RejectedInput {

    private final BadInputPolicy policy;
    private final Map<BadInputKind, Long> counts = new EnumMap<>(BadInputKind.class);

    RejectedInput(BadInputPolicy policy) {
        this.policy = policy;
    }

    /**
     * Skips or fails on bad input, by the policy and the kind.
     *
     * @throws CorpusReadException under {@link BadInputPolicy#ERROR}, or if the kind is never skippable
     */
    void reject(Path file, long line, BadInputKind kind, String description) {
        if (policy == BadInputPolicy.ERROR || !kind.skippable()) {
            throw new CorpusReadException(file, line, kind, description);
        }
        counts.merge(kind, 1L, Long::sum);
    }

    /** @return the statistics of a pass that delivered {@code pairs} pairs */
    ReadStatistics statistics(long pairs) {
        return new ReadStatistics(pairs, counts);
    }

    /**
     * The definition of an empty source or target: no code point other than whitespace (as defined by
     * {@link WhitespaceTokenizer#isWhitespace(int)}) and invisible format characters (Unicode category Cf), so that
     * every tokenizer of this module gives at least one token for a side that is not blank.
     */
    static boolean isBlank(String text) {
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            if (!WhitespaceTokenizer.isWhitespace(codePoint)
                    && Character.getType(codePoint) != Character.FORMAT) {
                return false;
            }
            index += Character.charCount(codePoint);
        }
        return true;
    }
}
