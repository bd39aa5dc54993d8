package org.seq2seq4j.data.corpus;

import java.io.Closeable;
import java.io.IOException;

/**
 * The layout-specific part of a {@link TextPairReader}: reads raw lines of one corpus layout, hands bad input to a
 * {@link RejectedInput} and returns the next good pair.
 */
sealed interface PairSource extends Closeable permits TsvPairSource, ParallelPairSource, CsvPairSource {

    /**
     * @return the next good pair, or {@code null} at the end of the corpus; skipped lines are counted, not returned
     * @throws IOException         if a file cannot be read
     * @throws CorpusReadException on bad input that the policy does not skip
     */
    TextPair readNext() throws IOException;
}
