package org.seq2seq4j.data.pair;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequencePairTest {

    @Test
    void copiesItsListsSoLaterChangesDoNotLeakIn() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        SequencePair pair = new SequencePair(source, List.of("b", "a"));
        source.add("c");
        assertEquals(List.of("a", "b"), pair.source());
        assertThrows(UnsupportedOperationException.class, () -> pair.target().add("x"));
    }

    @Test
    void sideSelectsSourceOrTarget() {
        SequencePair pair = new SequencePair(List.of("1", "2"), List.of("3"));
        assertEquals(pair.source(), pair.side(Side.SOURCE));
        assertEquals(pair.target(), pair.side(Side.TARGET));
    }

    @Test
    void splitsAreImmutableCopies() {
        List<SequencePair> train = new ArrayList<>(List.of(new SequencePair(List.of("a"), List.of("a"))));
        DatasetSplits splits = new DatasetSplits(train, List.of(), List.of());
        train.clear();
        assertEquals(1, splits.train().size());
        assertThrows(UnsupportedOperationException.class, () -> splits.dev().add(null));
    }
}
