package org.seq2seq4j.data.reader;

import org.datavec.api.records.reader.SequenceRecordReader;
import org.datavec.api.writable.Writable;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads aligned source and target {@link SequenceRecordReader}s back into {@link SequencePair}s; the inverse of two
 * {@link ToyTaskSequenceReader}s over the same pairs, and the way to pair two {@link CorpusSequenceReader}s of one
 * corpus. Works with any reader whose time steps hold one token each.
 */
public final class SequencePairs {

    private SequencePairs() {
    }

    /**
     * Reads both readers from their current position to the end, pairing the {@code i}-th source sequence with the
     * {@code i}-th target sequence. Each time step must hold exactly one writable; its {@code toString()} is the token.
     *
     * @param source reader of the source sequences
     * @param target reader of the target sequences, aligned with {@code source}
     * @return the pairs in reading order
     * @throws SequencePairReadException if one reader ends before the other or a time step does not hold one value;
     *                                   the message names the example index
     */
    public static List<SequencePair> fromReaders(SequenceRecordReader source, SequenceRecordReader target) {
        List<SequencePair> pairs = new ArrayList<>();
        int index = 0;
        while (source.hasNext() || target.hasNext()) {
            if (!source.hasNext() || !target.hasNext()) {
                String ended = source.hasNext() ? "target" : "source";
                String longer = source.hasNext() ? "source" : "target";
                throw new SequencePairReadException("the " + ended + " reader ended after " + index
                        + " examples but the " + longer + " reader has more: example " + index + " has no "
                        + ended + "; the readers are not aligned");
            }
            List<String> sourceTokens = tokens(source.sequenceRecord(), "source", index);
            List<String> targetTokens = tokens(target.sequenceRecord(), "target", index);
            pairs.add(new SequencePair(sourceTokens, targetTokens));
            index++;
        }
        return pairs;
    }

    private static List<String> tokens(List<List<Writable>> sequence, String side, int index) {
        List<String> tokens = new ArrayList<>(sequence.size());
        for (int step = 0; step < sequence.size(); step++) {
            List<Writable> values = sequence.get(step);
            if (values.size() != 1) {
                throw new SequencePairReadException(side + " example " + index + ", time step " + step + " holds "
                        + values.size() + " values " + values + "; expected exactly one token per time step");
            }
            tokens.add(values.get(0).toString());
        }
        return tokens;
    }
}
