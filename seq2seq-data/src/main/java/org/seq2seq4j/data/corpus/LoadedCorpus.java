package org.seq2seq4j.data.corpus;

import org.seq2seq4j.data.pair.SequencePair;

import java.util.List;

/**
 * A whole tokenized corpus in memory, with what reading it skipped.
 *
 * @param pairs      the pairs in file order; copied, unmodifiable
 * @param statistics what the pass read and skipped
 */
public record LoadedCorpus(List<SequencePair> pairs, ReadStatistics statistics) {

    /** Copies the pairs. */
    public LoadedCorpus {
        pairs = List.copyOf(pairs);
        if (statistics == null) {
            throw new IllegalArgumentException("statistics must not be null");
        }
    }
}
