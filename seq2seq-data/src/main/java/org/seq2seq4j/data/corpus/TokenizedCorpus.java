package org.seq2seq4j.data.corpus;

import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.text.Tokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A corpus seen through a tokenizer per side: reads the {@link TextPair}s of a {@link CorpusFormat} and turns them
 * into {@link SequencePair}s, either streamed to a consumer ({@link #forEach(Consumer)}, e.g. to count tokens for a
 * vocabulary in one pass without keeping the corpus) or collected ({@link #readAll()}).
 *
 * @param format          where the corpus is and how it is laid out
 * @param sourceTokenizer splits source sentences
 * @param targetTokenizer splits target sentences
 */
public record TokenizedCorpus(CorpusFormat format, Tokenizer sourceTokenizer, Tokenizer targetTokenizer) {

    private static final Logger LOG = LoggerFactory.getLogger(TokenizedCorpus.class);

    /** Rejects missing parts. */
    public TokenizedCorpus {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sourceTokenizer, "sourceTokenizer");
        Objects.requireNonNull(targetTokenizer, "targetTokenizer");
    }

    /**
     * Streams every good pair, tokenized, in file order.
     *
     * @param action receives each pair
     * @return what the pass read and skipped
     * @throws IOException         if a file cannot be opened or read
     * @throws CorpusReadException on bad input the policy does not skip
     */
    public ReadStatistics forEach(Consumer<? super SequencePair> action) throws IOException {
        try (TextPairReader reader = format.open()) {
            while (reader.hasNext()) {
                TextPair pair = reader.next();
                action.accept(new SequencePair(sourceTokenizer.tokenize(pair.source()),
                        targetTokenizer.tokenize(pair.target())));
            }
            ReadStatistics statistics = reader.statistics();
            LOG.info("read {}: {}", format.files(), statistics);
            return statistics;
        }
    }

    /**
     * @return every good pair, tokenized, in file order, with the statistics of the pass
     * @throws IOException         if a file cannot be opened or read
     * @throws CorpusReadException on bad input the policy does not skip
     */
    public LoadedCorpus readAll() throws IOException {
        List<SequencePair> pairs = new ArrayList<>();
        ReadStatistics statistics = forEach(pairs::add);
        return new LoadedCorpus(pairs, statistics);
    }
}
