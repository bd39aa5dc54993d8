package org.seq2seq4j.data.reader;

import org.datavec.api.records.reader.impl.collection.CollectionSequenceRecordReader;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Side;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequencePairsTest {

    private static final List<SequencePair> THREE = List.of(
            new SequencePair(List.of("a"), List.of("b")),
            new SequencePair(List.of("c"), List.of("d")),
            new SequencePair(List.of("e"), List.of("f")));

    @Test
    void failsNamingTheExampleWhenTheTargetReaderEndsFirst() {
        SequencePairReadException error = assertThrows(SequencePairReadException.class,
                () -> SequencePairs.fromReaders(new ToyTaskSequenceReader(THREE, Side.SOURCE),
                        new ToyTaskSequenceReader(THREE.subList(0, 2), Side.TARGET)));
        assertEquals("the target reader ended after 2 examples but the source reader has more:"
                + " example 2 has no target; the readers are not aligned", error.getMessage());
    }

    @Test
    void failsNamingTheExampleWhenTheSourceReaderEndsFirst() {
        SequencePairReadException error = assertThrows(SequencePairReadException.class,
                () -> SequencePairs.fromReaders(new ToyTaskSequenceReader(THREE.subList(0, 1), Side.SOURCE),
                        new ToyTaskSequenceReader(THREE, Side.TARGET)));
        assertEquals("the source reader ended after 1 examples but the target reader has more:"
                + " example 1 has no source; the readers are not aligned", error.getMessage());
    }

    @Test
    void rejectsTimeStepsWithMoreThanOneValue() {
        List<List<List<Writable>>> sequences = List.of(List.of(List.of(new Text("a"), new Text("b"))));
        SequencePairReadException error = assertThrows(SequencePairReadException.class,
                () -> SequencePairs.fromReaders(new CollectionSequenceRecordReader(sequences),
                        new ToyTaskSequenceReader(THREE.subList(0, 1), Side.TARGET)));
        assertEquals("source example 0, time step 0 holds 2 values [a, b]; expected exactly one token per time step",
                error.getMessage());
    }

    @Test
    void readsAnyOneTokenPerStepReader() {
        List<List<List<Writable>>> sources = List.of(List.of(List.of(new Text("x")), List.of(new Text("y"))));
        List<SequencePair> pairs = SequencePairs.fromReaders(new CollectionSequenceRecordReader(sources),
                new ToyTaskSequenceReader(THREE.subList(0, 1), Side.TARGET));
        assertEquals(List.of(new SequencePair(List.of("x", "y"), List.of("b"))), pairs);
    }
}
