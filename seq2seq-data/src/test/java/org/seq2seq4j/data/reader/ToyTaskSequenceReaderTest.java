package org.seq2seq4j.data.reader;

import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.listener.RecordListener;
import org.datavec.api.records.reader.RecordReader;
import org.datavec.api.records.writer.RecordWriter;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Side;
import org.seq2seq4j.data.toy.SortTask;
import org.seq2seq4j.data.toy.ToyDatasets;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToyTaskSequenceReaderTest {

    private static final List<SequencePair> PAIRS = List.of(
            new SequencePair(List.of("1", "2", "+", "3"), List.of("1", "5")),
            new SequencePair(List.of("9"), List.of("n", "i", "n", "e")));

    @Test
    void eachTokenIsOneTimeStepHoldingOneText() {
        ToyTaskSequenceReader reader = new ToyTaskSequenceReader(PAIRS, Side.TARGET);
        assertEquals(List.of(List.<Writable>of(new Text("1")), List.<Writable>of(new Text("5"))),
                reader.sequenceRecord());
    }

    @Test
    void sourceAndTargetReadersRoundTripToTheOriginalPairs() {
        List<SequencePair> pairs = ToyDatasets.generate(new SortTask(1, 6, 5), 1, 30, 0, 0).train();
        List<SequencePair> read = SequencePairs.fromReaders(
                new ToyTaskSequenceReader(pairs, Side.SOURCE), new ToyTaskSequenceReader(pairs, Side.TARGET));
        assertEquals(pairs, read);
    }

    @Test
    void resetRereadsFromTheFirstExample() {
        ToyTaskSequenceReader source = new ToyTaskSequenceReader(PAIRS, Side.SOURCE);
        ToyTaskSequenceReader target = new ToyTaskSequenceReader(PAIRS, Side.TARGET);
        assertEquals(PAIRS, SequencePairs.fromReaders(source, target));
        assertFalse(source.hasNext());
        source.reset();
        target.reset();
        assertTrue(source.hasNext());
        assertEquals(PAIRS, SequencePairs.fromReaders(source, target));
    }

    @Test
    void readingPastTheEndSaysToReset() {
        ToyTaskSequenceReader reader = new ToyTaskSequenceReader(PAIRS, Side.SOURCE);
        reader.sequenceRecord();
        reader.sequenceRecord();
        NoSuchElementException error = assertThrows(NoSuchElementException.class, reader::sequenceRecord);
        assertEquals("all 2 SOURCE sequences have been read; call reset() to read them again", error.getMessage());
    }

    @Test
    void metadataFromNextSequenceLoadsTheSameSequence() throws Exception {
        ToyTaskSequenceReader reader = new ToyTaskSequenceReader(PAIRS, Side.SOURCE);
        reader.nextSequence();
        SequenceRecord second = reader.nextSequence();
        reader.reset();
        SequenceRecord loaded = reader.loadSequenceFromMetaData(second.getMetaData());
        assertEquals(second.getSequenceRecord(), loaded.getSequenceRecord());
        assertEquals(1, loaded.getSequenceLength());
        assertEquals(List.of(second), reader.loadSequenceFromMetaData(List.of(second.getMetaData())));
    }

    @Test
    void declaresAnInMemorySequenceReader() {
        ToyTaskSequenceReader reader = new ToyTaskSequenceReader(PAIRS, Side.SOURCE);
        assertTrue(reader.resetSupported());
        assertFalse(reader.batchesSupported());
        assertNull(reader.getLabels());
        assertThrows(UnsupportedOperationException.class, reader::next);
        assertThrows(UnsupportedOperationException.class, () -> reader.next(2));
        assertThrows(UnsupportedOperationException.class, reader::nextRecord);
    }

    @Test
    void listenersAreToldOfEverySequenceRead() {
        List<Object> heard = new ArrayList<>();
        ToyTaskSequenceReader reader = new ToyTaskSequenceReader(PAIRS, Side.SOURCE);
        reader.setListeners(new RecordListener() {
            @Override
            public boolean invoked() {
                return !heard.isEmpty();
            }

            @Override
            public void invoke() {
            }

            @Override
            public void recordRead(RecordReader source, Object record) {
                heard.add(record);
            }

            @Override
            public void recordWrite(RecordWriter writer, Object record) {
            }
        });
        List<List<Writable>> first = reader.sequenceRecord();
        assertEquals(List.of(first), heard);
    }
}
