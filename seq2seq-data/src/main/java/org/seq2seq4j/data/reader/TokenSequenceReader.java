package org.seq2seq4j.data.reader;

import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.listener.RecordListener;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.reader.SequenceRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.seq2seq4j.data.pair.Side;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the toolkit's DataVec {@link SequenceRecordReader}s share: one side of sequence pairs, one sequence per pair,
 * one time step per token holding a single {@link Text} ({@code [[Text(t0)], [Text(t1)], ...]}), read only as
 * sequences. The single-record, batch and stream methods of the interface throw {@link UnsupportedOperationException};
 * subclasses say where sequences come from ({@link #hasNext()}, {@link #nextSequence()},
 * {@link #loadSequenceFromMetaData(RecordMetaData)}, {@link #reset()}, {@link #close()}).
 *
 * <p>Not thread-safe, like every DataVec reader.
 */
public abstract class TokenSequenceReader implements SequenceRecordReader {

    private final Side side;
    private final List<RecordListener> listeners = new ArrayList<>();
    private Configuration configuration = new Configuration();

    protected TokenSequenceReader(Side side) {
        this.side = Objects.requireNonNull(side, "side");
    }

    /** @return the side this reader streams */
    public Side side() {
        return side;
    }

    /** The time steps of a token sequence, each one {@link Text}. */
    protected static List<List<Writable>> timeSteps(List<String> tokens) {
        List<List<Writable>> steps = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            List<Writable> step = new ArrayList<>(1);
            step.add(new Text(token));
            steps.add(step);
        }
        return steps;
    }

    /** Tells every listener of a sequence read. */
    protected void notifyListeners(List<List<Writable>> sequence) {
        for (RecordListener listener : listeners) {
            listener.recordRead(this, sequence);
        }
    }

    /** Does nothing: a subclass knows its data without a split. */
    @Override
    public void initialize(InputSplit split) {
        // The data was named at construction; the split is ignored.
    }

    /** Stores the configuration; the split is ignored. */
    @Override
    public void initialize(Configuration conf, InputSplit split) {
        setConf(conf);
    }

    /**
     * @return the next pair's tokens on this side, as time steps {@code [[Text(token)], ...]}
     * @throws java.util.NoSuchElementException when all have been read; call {@link #reset()} to read them again
     */
    @Override
    public List<List<Writable>> sequenceRecord() {
        return nextSequence().getSequenceRecord();
    }

    @Override
    public List<SequenceRecord> loadSequenceFromMetaData(List<RecordMetaData> recordMetaDatas) throws IOException {
        List<SequenceRecord> records = new ArrayList<>(recordMetaDatas.size());
        for (RecordMetaData recordMetaData : recordMetaDatas) {
            records.add(loadSequenceFromMetaData(recordMetaData));
        }
        return records;
    }

    private UnsupportedOperationException unsupported(String instead) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " reads whole sequences only; use "
                + instead);
    }

    /** @throws UnsupportedOperationException always: the reader knows its data */
    @Override
    public List<List<Writable>> sequenceRecord(URI uri, DataInputStream dataInputStream) {
        throw unsupported("sequenceRecord()");
    }

    /** @return {@code false}: pairs are read one sequence at a time */
    @Override
    public boolean batchesSupported() {
        return false;
    }

    /** @throws UnsupportedOperationException always, since {@link #batchesSupported()} is false */
    @Override
    public List<List<Writable>> next(int num) {
        throw unsupported("sequenceRecord() once per pair");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public List<Writable> next() {
        throw unsupported("sequenceRecord()");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public Record nextRecord() {
        throw unsupported("nextSequence()");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw unsupported("sequenceRecord()");
    }

    /** @throws UnsupportedOperationException always: use {@link #loadSequenceFromMetaData(RecordMetaData)} */
    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        throw unsupported("loadSequenceFromMetaData(RecordMetaData)");
    }

    /** @throws UnsupportedOperationException always: use {@link #loadSequenceFromMetaData(List)} */
    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        throw unsupported("loadSequenceFromMetaData(List)");
    }

    /** @return {@code null}: sequence-to-sequence examples have target sequences, not class labels */
    @Override
    public List<String> getLabels() {
        return null;
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
}
