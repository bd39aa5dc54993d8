package org.seq2seq4j.data.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams the raw {@link TextPair}s of a corpus one at a time, in file order, applying the format's
 * {@link BadInputPolicy}; opened by {@link CorpusFormat#open()}. Only the current line is held in memory.
 *
 * <p>{@link #statistics()} reports the pairs delivered and the lines skipped so far; after the last pair it describes
 * the whole corpus. I/O failures surface as {@link UncheckedIOException} naming the file and line, bad input as
 * {@link CorpusReadException}. Not thread-safe. Close it (try-with-resources) to release the files.
 */
public final class TextPairReader implements Iterator<TextPair>, AutoCloseable {

    private final PairSource source;
    private final RejectedInput rejected;
    private TextPair lookahead;
    private boolean finished;
    private long delivered;

    TextPairReader(PairSource source, RejectedInput rejected) {
        this.source = source;
        this.rejected = rejected;
    }

    @Override
    public boolean hasNext() {
        if (lookahead == null && !finished) {
            try {
                lookahead = source.readNext();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            finished = lookahead == null;
        }
        return lookahead != null;
    }

    /**
     * @return the next good pair
     * @throws NoSuchElementException at the end of the corpus
     * @throws CorpusReadException    on bad input the policy does not skip
     */
    @Override
    public TextPair next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the corpus has no more pairs (" + statistics() + ")");
        }
        TextPair pair = lookahead;
        lookahead = null;
        delivered++;
        return pair;
    }

    /** @return the pairs delivered and lines skipped so far */
    public ReadStatistics statistics() {
        return rejected.statistics(delivered);
    }

    /** Closes the files. */
    @Override
    public void close() throws IOException {
        source.close();
    }
}
