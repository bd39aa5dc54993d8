package org.seq2seq4j.data.reader;

import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.listener.RecordListener;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.SequenceRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Side;

import java.io.DataInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A DataVec {@link SequenceRecordReader} over one side of in-memory {@link SequencePair}s, e.g. the source side of a
 * generated toy dataset. Two readers over the same pairs, one per {@link Side}, stay aligned example by example.
 *
 * <p>Each pair is one sequence; each token is one time step holding a single {@link Text} writable, so a sequence of
 * {@code n} tokens is a list of {@code n} one-element lists {@code [[Text(t0)], [Text(t1)], ...]}. Ids are assigned
 * later by a vocabulary, not here. The reader only reads sequences: the single-record methods ({@link #next()},
 * {@link #nextRecord()}, {@link #loadFromMetaData(RecordMetaData)}) and stream-based reading throw
 * {@link UnsupportedOperationException}. {@link #nextSequence()} attaches a {@link RecordMetaDataIndex} holding the
 * example index, which {@link #loadSequenceFromMetaData(RecordMetaData)} accepts.
 *
 * <p>Not thread-safe, like every DataVec reader.
 */
public class ToyTaskSequenceReader implements SequenceRecordReader {

    private final List<SequencePair> pairs;
    private final Side side;
    private final List<RecordListener> listeners = new ArrayList<>();
    private Configuration configuration = new Configuration();
    private int cursor;

    /**
     * @param pairs the examples to stream, in order; copied
     * @param side  which side of each pair to stream
     */
    public ToyTaskSequenceReader(List<SequencePair> pairs, Side side) {
        this.pairs = List.copyOf(pairs);
        this.side = Objects.requireNonNull(side, "side");
    }

    /** @return the side this reader streams */
    public Side side() {
        return side;
    }

    /** @return the number of sequences this reader streams per pass */
    public int size() {
        return pairs.size();
    }

    /** Does nothing: the data is already in memory. The split is ignored. */
    @Override
    public void initialize(InputSplit split) {
        // The pairs were given to the constructor; there is nothing to open.
    }

    /** Stores the configuration; the split is ignored because the data is already in memory. */
    @Override
    public void initialize(Configuration conf, InputSplit split) {
        setConf(conf);
    }

    @Override
    public boolean hasNext() {
        return cursor < pairs.size();
    }

    /**
     * @return the next example's tokens as time steps {@code [[Text(token)], ...]}
     * @throws NoSuchElementException if all examples have been read; call {@link #reset()} to read them again
     */
    @Override
    public List<List<Writable>> sequenceRecord() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + pairs.size() + " " + side + " sequences have been read;"
                    + " call reset() to read them again");
        }
        List<List<Writable>> sequence = timeSteps(pairs.get(cursor++));
        for (RecordListener listener : listeners) {
            listener.recordRead(this, sequence);
        }
        return sequence;
    }

    private List<List<Writable>> timeSteps(SequencePair pair) {
        List<String> tokens = pair.side(side);
        List<List<Writable>> steps = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            List<Writable> step = new ArrayList<>(1);
            step.add(new Text(token));
            steps.add(step);
        }
        return steps;
    }

    /** Like {@link #sequenceRecord()}, with a {@link RecordMetaDataIndex} holding the example index. */
    @Override
    public SequenceRecord nextSequence() {
        int index = cursor;
        List<List<Writable>> sequence = sequenceRecord();
        return new org.datavec.api.records.impl.SequenceRecord(sequence, metaData(index));
    }

    private RecordMetaData metaData(int index) {
        return new RecordMetaDataIndex(index, null, ToyTaskSequenceReader.class);
    }

    /**
     * @param recordMetaData a {@link RecordMetaDataIndex} from {@link #nextSequence()}
     * @return the sequence with that index, independent of the reader's position
     * @throws IllegalArgumentException if the metadata is of another type or its index is out of range
     */
    @Override
    public SequenceRecord loadSequenceFromMetaData(RecordMetaData recordMetaData) {
        if (!(recordMetaData instanceof RecordMetaDataIndex indexMetaData)) {
            throw new IllegalArgumentException("expected a RecordMetaDataIndex from ToyTaskSequenceReader.nextSequence(),"
                    + " got " + (recordMetaData == null ? "null" : recordMetaData.getClass().getName()));
        }
        long index = indexMetaData.getIndex();
        if (index < 0 || index >= pairs.size()) {
            throw new IllegalArgumentException("example index " + index + " is outside this reader's "
                    + pairs.size() + " examples");
        }
        return new org.datavec.api.records.impl.SequenceRecord(timeSteps(pairs.get((int) index)),
                metaData((int) index));
    }

    @Override
    public List<SequenceRecord> loadSequenceFromMetaData(List<RecordMetaData> recordMetaDatas) {
        List<SequenceRecord> records = new ArrayList<>(recordMetaDatas.size());
        for (RecordMetaData recordMetaData : recordMetaDatas) {
            records.add(loadSequenceFromMetaData(recordMetaData));
        }
        return records;
    }

    /** @throws UnsupportedOperationException always: the data is in memory, not in a stream */
    @Override
    public List<List<Writable>> sequenceRecord(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("ToyTaskSequenceReader reads in-memory pairs, not streams;"
                + " use sequenceRecord()");
    }

    /** @return {@code false}: examples are read one sequence at a time */
    @Override
    public boolean batchesSupported() {
        return false;
    }

    /** @throws UnsupportedOperationException always, since {@link #batchesSupported()} is false */
    @Override
    public List<List<Writable>> next(int num) {
        throw new UnsupportedOperationException("ToyTaskSequenceReader does not read batches; call sequenceRecord()"
                + " once per example");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public List<Writable> next() {
        throw new UnsupportedOperationException("ToyTaskSequenceReader is a sequence reader; use sequenceRecord()");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public Record nextRecord() {
        throw new UnsupportedOperationException("ToyTaskSequenceReader is a sequence reader; use nextSequence()");
    }

    /** @throws UnsupportedOperationException always: this is a sequence reader */
    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("ToyTaskSequenceReader is a sequence reader of in-memory pairs;"
                + " use sequenceRecord()");
    }

    /** @throws UnsupportedOperationException always: use {@link #loadSequenceFromMetaData(RecordMetaData)} */
    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        throw new UnsupportedOperationException("ToyTaskSequenceReader is a sequence reader;"
                + " use loadSequenceFromMetaData(RecordMetaData)");
    }

    /** @throws UnsupportedOperationException always: use {@link #loadSequenceFromMetaData(List)} */
    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        throw new UnsupportedOperationException("ToyTaskSequenceReader is a sequence reader;"
                + " use loadSequenceFromMetaData(List)");
    }

    /** @return {@code null}: sequence-to-sequence examples have target sequences, not class labels */
    @Override
    public List<String> getLabels() {
        return null;
    }

    /** Rewinds to the first example. */
    @Override
    public void reset() {
        cursor = 0;
    }

    /** @return {@code true}: the data is in memory, so a reset is free */
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

    /** Does nothing: there is no file or stream to close. */
    @Override
    public void close() {
        // Nothing to release.
    }
}
