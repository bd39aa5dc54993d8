package org.seq2seq4j.data.reader;

import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.listener.RecordListener;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.records.reader.SequenceRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.seq2seq4j.data.corpus.CorpusFormat;
import org.seq2seq4j.data.corpus.ReadStatistics;
import org.seq2seq4j.data.corpus.TextPair;
import org.seq2seq4j.data.corpus.TextPairReader;
import org.seq2seq4j.data.pair.Side;
import org.seq2seq4j.data.text.Tokenizer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A DataVec {@link SequenceRecordReader} over one side of a corpus file, streamed line by line: the file-backed
 * counterpart of {@link ToyTaskSequenceReader}, with the same record layout (one time step per token, each holding
 * one {@link Text}), so {@link SequencePairs#fromReaders} pairs a source and a target reader of the same corpus.
 *
 * <p>Each reader opens the corpus files itself ({@link CorpusFormat#open()}) when first read, and applies the format's
 * bad-input policy to whole pairs: a line skipped for an empty target is skipped by the source reader too, so two
 * readers of the same format stay aligned. {@link #statistics()} reports the pass so far. The files named by the
 * format are read; an {@link InputSplit} given to {@code initialize} is ignored. {@link #nextSequence()} attaches a
 * {@link RecordMetaDataLine} with the 1-based line number where the pair starts, which
 * {@link #loadSequenceFromMetaData(RecordMetaData)} accepts (by reading the corpus again up to that line).
 *
 * <p>Not thread-safe, like every DataVec reader; {@link #close()} releases the files.
 */
public class CorpusSequenceReader implements SequenceRecordReader {

    private final transient CorpusFormat format;
    private final Side side;
    private final transient Tokenizer tokenizer;
    private final List<RecordListener> listeners = new ArrayList<>();
    private Configuration configuration = new Configuration();
    private transient TextPairReader reader;
    private transient ReadStatistics lastStatistics;

    /**
     * @param format    the corpus
     * @param side      which side of each pair this reader streams
     * @param tokenizer splits that side's sentences into tokens
     */
    public CorpusSequenceReader(CorpusFormat format, Side side, Tokenizer tokenizer) {
        this.format = Objects.requireNonNull(format, "format");
        this.side = Objects.requireNonNull(side, "side");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** @return the side this reader streams */
    public Side side() {
        return side;
    }

    /**
     * @return pairs delivered and lines skipped in the current pass, or in the pass ended by {@link #close()}; all zero
     *         before the first read and after {@link #reset()}
     */
    public ReadStatistics statistics() {
        return reader != null ? reader.statistics() : lastStatistics != null ? lastStatistics
                : new ReadStatistics(0, Map.of());
    }

    /** Does nothing: the files are named by the format. The split is ignored. */
    @Override
    public void initialize(InputSplit split) {
        // The corpus format names the files; they are opened on the first read.
    }

    /** Stores the configuration; the split is ignored because the format names the files. */
    @Override
    public void initialize(Configuration conf, InputSplit split) {
        setConf(conf);
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

    /**
     * @return the next pair's tokens on this side, as time steps {@code [[Text(token)], ...]}
     * @throws NoSuchElementException if the corpus has been read; call {@link #reset()} to read it again
     */
    @Override
    public List<List<Writable>> sequenceRecord() {
        return nextSequence().getSequenceRecord();
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
        for (RecordListener listener : listeners) {
            listener.recordRead(this, sequence);
        }
        return new org.datavec.api.records.impl.SequenceRecord(sequence, metaData(pair));
    }

    private List<List<Writable>> timeSteps(TextPair pair) {
        List<String> tokens = tokenizer.tokenize(side == Side.SOURCE ? pair.source() : pair.target());
        List<List<Writable>> steps = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            List<Writable> step = new ArrayList<>(1);
            step.add(new Text(token));
            steps.add(step);
        }
        return steps;
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

    @Override
    public List<SequenceRecord> loadSequenceFromMetaData(List<RecordMetaData> recordMetaDatas) throws IOException {
        List<SequenceRecord> records = new ArrayList<>(recordMetaDatas.size());
        for (RecordMetaData recordMetaData : recordMetaDatas) {
            records.add(loadSequenceFromMetaData(recordMetaData));
        }
        return records;
    }

    /** @throws UnsupportedOperationException always: the format names the files to read */
    @Override
    public List<List<Writable>> sequenceRecord(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("CorpusSequenceReader reads the files of its CorpusFormat;"
                + " use sequenceRecord()");
    }

    /** @return {@code false}: pairs are read one sequence at a time */
    @Override
    public boolean batchesSupported() {
        return false;
    }

    /** @throws UnsupportedOperationException always, since {@link #batchesSupported()} is false */
    @Override
    public List<List<Writable>> next(int num) {
        throw new UnsupportedOperationException("CorpusSequenceReader does not read batches; call sequenceRecord()"
                + " once per pair");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public List<Writable> next() {
        throw new UnsupportedOperationException("CorpusSequenceReader is a sequence reader; use sequenceRecord()");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public Record nextRecord() {
        throw new UnsupportedOperationException("CorpusSequenceReader is a sequence reader; use nextSequence()");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("CorpusSequenceReader is a sequence reader of corpus files;"
                + " use sequenceRecord()");
    }

    /** @throws UnsupportedOperationException always: use {@link #loadSequenceFromMetaData(RecordMetaData)} */
    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        throw new UnsupportedOperationException("CorpusSequenceReader is a sequence reader;"
                + " use loadSequenceFromMetaData(RecordMetaData)");
    }

    /** @throws UnsupportedOperationException always: use {@link #loadSequenceFromMetaData(List)} */
    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        throw new UnsupportedOperationException("CorpusSequenceReader is a sequence reader;"
                + " use loadSequenceFromMetaData(List)");
    }

    /** @return {@code null}: sequence-to-sequence examples have target sequences, not class labels */
    @Override
    public List<String> getLabels() {
        return null;
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

    @Override
    public List<RecordListener> getListeners() {
        return listeners;
    }

    /** Replaces the listeners; each is told of every sequence read through {@code recordRead(this, sequence)}. */
    @Override
    public void setListeners(RecordListener... listeners) {
        setListeners(List.of(listeners));
    }

    /** Replaces the listeners; each is told of every sequence read through {@code recordRead(this, sequence)}. */
    @Override
    public void setListeners(Collection<RecordListener> listeners) {
        this.listeners.clear();
        this.listeners.addAll(listeners);
    }

    @Override
    public void setConf(Configuration conf) {
        this.configuration = Objects.requireNonNull(conf, "conf");
    }

    @Override
    public Configuration getConf() {
        return configuration;
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
