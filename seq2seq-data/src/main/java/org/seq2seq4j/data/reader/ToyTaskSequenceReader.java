package org.seq2seq4j.data.reader;

import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.SequenceRecordReader;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Side;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A DataVec {@link SequenceRecordReader} over one side of in-memory {@link SequencePair}s, e.g. the source side of a
 * generated toy dataset. Two readers over the same pairs, one per {@link Side}, stay aligned example by example.
 *
 * <p>Each pair is one sequence; each token is one time step holding a single {@link Text} writable, so a sequence of
 * {@code n} tokens is a list of {@code n} one-element lists {@code [[Text(t0)], [Text(t1)], ...]}. Ids are assigned
 * later by a vocabulary, not here. The reader only reads sequences (see {@link TokenSequenceReader}). {@link #nextSequence()} attaches a {@link RecordMetaDataIndex} holding the
 * example index, which {@link #loadSequenceFromMetaData(RecordMetaData)} accepts.
 *
 * <p>Not thread-safe, like every DataVec reader.
 */
public class ToyTaskSequenceReader extends TokenSequenceReader {

    private final List<SequencePair> pairs;
    private int cursor;

    /**
     * @param pairs the examples to stream, in order; copied
     * @param side  which side of each pair to stream
     */
    public ToyTaskSequenceReader(List<SequencePair> pairs, Side side) {
        super(side);
        this.pairs = List.copyOf(pairs);
    }

    /** @return the number of sequences this reader streams per pass */
    public int size() {
        return pairs.size();
    }

    @Override
    public boolean hasNext() {
        return cursor < pairs.size();
    }

    /**
     * The next example's tokens with a {@link RecordMetaDataIndex} holding the example index.
     *
     * @throws NoSuchElementException if all examples have been read; call {@link #reset()} to read them again
     */
    @Override
    public SequenceRecord nextSequence() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + pairs.size() + " " + side() + " sequences have been read;"
                    + " call reset() to read them again");
        }
        int index = cursor++;
        List<List<Writable>> sequence = timeSteps(pairs.get(index).side(side()));
        notifyListeners(sequence);
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
        return new org.datavec.api.records.impl.SequenceRecord(timeSteps(pairs.get((int) index).side(side())),
                metaData((int) index));
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

    /** Does nothing: there is no file or stream to close. */
    @Override
    public void close() {
        // Nothing to release.
    }
}
