package org.seq2seq4j.data.reader;

import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.records.reader.SequenceRecordReader;
import org.datavec.api.writable.Writable;
import org.seq2seq4j.data.corpus.CorpusFormat;
import org.seq2seq4j.data.corpus.ReadStatistics;
import org.seq2seq4j.data.corpus.TextPair;
import org.seq2seq4j.data.corpus.TextPairReader;
import org.seq2seq4j.data.pair.Side;
import org.seq2seq4j.data.text.Tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A DataVec {@link SequenceRecordReader} over one side of a corpus file, streamed line by line: the file-backed
 * counterpart of {@link ToyTaskSequenceReader}, with the same record layout (one time step per token, each holding
 * one {@link org.datavec.api.writable.Text}), so {@link SequencePairs#fromReaders} pairs a source and a target reader of the same corpus.
 *
 * <p>Each reader opens the corpus files itself ({@link CorpusFormat#open()}) when first read, and applies the format's
 * bad-input policy to whole pairs: a line skipped for an empty target is skipped by the source reader too, so two
 * readers of the same format stay aligned. {@link #statistics()} reports the pass so far. The files named by the
 * format are read; an {@link org.datavec.api.split.InputSplit} given to {@code initialize} is ignored. {@link #nextSequence()} attaches a
 * {@link RecordMetaDataLine} with the 1-based line number where the pair starts, which
 * {@link #loadSequenceFromMetaData(RecordMetaData)} accepts (by reading the corpus again up to that line).
 *
 * <p>Not thread-safe, like every DataVec reader; {@link #close()} releases the files.
 */
public class CorpusSequenceReader extends TokenSequenceReader {

    private final transient CorpusFormat format;
    private final transient Tokenizer tokenizer;
    private transient TextPairReader reader;
    private transient ReadStatistics lastStatistics;

    /**
     * @param format    the corpus
     * @param side      which side of each pair this reader streams
     * @param tokenizer splits that side's sentences into tokens
     */
    public CorpusSequenceReader(CorpusFormat format, Side side, Tokenizer tokenizer) {
        super(side);
        this.format = Objects.requireNonNull(format, "format");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /**
     * @return pairs delivered and lines skipped in the current pass, or in the pass ended by {@link #close()}; all zero
     *         before the first read and after {@link #reset()}
     */
    public ReadStatistics statistics() {
        return reader != null ? reader.statistics() : lastStatistics != null ? lastStatistics
                : new ReadStatistics(0, Map.of());
    }

    /**
     * @throws UncheckedIOException if the corpus cannot be opened or read
     * @throws org.seq2seq4j.data.corpus.CorpusReadException on bad input the format's policy does not skip
     */
    @Override
    public boolean hasNext() {
        return open().hasNext();
    }

    private TextPairReader open() {
        if (reader == null) {
            try {
                reader = format.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open corpus " + format.files() + ": " + e.getMessage(), e);
            }
        }
        return reader;
    }

    /** Like {@link #sequenceRecord()}, with a {@link RecordMetaDataLine} holding the line the pair starts on. */
    @Override
    public SequenceRecord nextSequence() {
        if (!hasNext()) {
            throw new NoSuchElementException("all pairs of " + format.files() + " have been read (" + statistics()
                    + "); call reset() to read them again");
        }
        TextPair pair = reader.next();
        List<List<Writable>> sequence = timeSteps(pair);
        notifyListeners(sequence);
        return new org.datavec.api.records.impl.SequenceRecord(sequence, metaData(pair));
    }

    private List<List<Writable>> timeSteps(TextPair pair) {
        return timeSteps(tokenizer.tokenize(side() == Side.SOURCE ? pair.source() : pair.target()));
    }

    private RecordMetaData metaData(TextPair pair) {
        return new RecordMetaDataLine(Math.toIntExact(pair.line()), format.files().get(0).toUri(), CorpusSequenceReader.class);
    }

    /**
     * Reads the corpus again from the start up to the pair that starts on the metadata's line; slow for a late line.
     *
     * @param recordMetaData a {@link RecordMetaDataLine} from {@link #nextSequence()}
     * @return the sequence of that pair, independent of this reader's position
     * @throws IOException              if the corpus cannot be read
     * @throws IllegalArgumentException if the metadata is of another type or no good pair starts on that line
     */
    @Override
    public SequenceRecord loadSequenceFromMetaData(RecordMetaData recordMetaData) throws IOException {
        if (!(recordMetaData instanceof RecordMetaDataLine lineMetaData)) {
            throw new IllegalArgumentException("expected a RecordMetaDataLine from CorpusSequenceReader.nextSequence(),"
                    + " got " + (recordMetaData == null ? "null" : recordMetaData.getClass().getName()));
        }
        long line = lineMetaData.getLineNumber();
        try (TextPairReader again = format.open()) {
            while (again.hasNext()) {
                TextPair pair = again.next();
                if (pair.line() == line) {
                    return new org.datavec.api.records.impl.SequenceRecord(timeSteps(pair), metaData(pair));
                }
                if (pair.line() > line) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("no pair of " + format.files() + " starts on line " + line
                + " (skipped, or past the end)");
    }

    /** Closes the files; the next read starts a new pass from the first line with fresh statistics. */
    @Override
    public void reset() {
        lastStatistics = null;
        closeReader();
    }

    /** @return {@code true}: a reset reopens the files */
    @Override
    public boolean resetSupported() {
        return true;
    }

    /** Closes the files; {@link #statistics()} keeps describing the pass that was closed. */
    @Override
    public void close() {
        if (reader != null) {
            lastStatistics = reader.statistics();
        }
        closeReader();
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close corpus " + format.files() + ": " + e.getMessage(), e);
            } finally {
                reader = null;
            }
        }
    }
}
