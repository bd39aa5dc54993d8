package org.seq2seq4j.data.reader;

import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.data.corpus.BadInputKind;
import org.seq2seq4j.data.corpus.BadInputPolicy;
import org.seq2seq4j.data.corpus.CorpusFormat;
import org.seq2seq4j.data.corpus.CorpusReadException;
import org.seq2seq4j.data.corpus.ParallelFormat;
import org.seq2seq4j.data.corpus.TokenizedCorpus;
import org.seq2seq4j.data.corpus.TsvFormat;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Side;
import org.seq2seq4j.data.text.WordTokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusSequenceReaderTest {

    private static final String CORPUS = "Go.\tVa !\nHi.\t\nI don't know.\tJe ne sais pas.\n";

    @TempDir
    Path directory;

    private TsvFormat tsv(BadInputPolicy policy) throws IOException {
        Path file = directory.resolve("fra.txt");
        Files.writeString(file, CORPUS, StandardCharsets.UTF_8);
        return new TsvFormat(file, 0, 1, policy);
    }

    private static CorpusSequenceReader reader(CorpusFormat format, Side side) {
        return new CorpusSequenceReader(format, side, WordTokenizer.defaults());
    }

    @Test
    void eachTokenIsOneTimeStepHoldingOneText() throws IOException {
        try (CorpusSequenceReader reader = reader(tsv(BadInputPolicy.SKIP), Side.TARGET)) {
            assertEquals(List.of(List.<Writable>of(new Text("Va")), List.<Writable>of(new Text("!"))),
                    reader.sequenceRecord());
        }
    }

    @Test
    void sourceAndTargetReadersStayAlignedAcrossSkippedLines() throws IOException {
        TsvFormat format = tsv(BadInputPolicy.SKIP);
        try (CorpusSequenceReader source = reader(format, Side.SOURCE);
             CorpusSequenceReader target = reader(format, Side.TARGET)) {
            List<SequencePair> pairs = SequencePairs.fromReaders(source, target);
            assertEquals(List.of(
                    new SequencePair(List.of("Go", "."), List.of("Va", "!")),
                    new SequencePair(List.of("I", "do", "n't", "know", "."), List.of("Je", "ne", "sais", "pas", "."))),
                    pairs);
            assertEquals(pairs, new TokenizedCorpus(format, WordTokenizer.defaults(), WordTokenizer.defaults())
                    .readAll().pairs());
            assertEquals(2, source.statistics().pairs());
            assertEquals(1, target.statistics().skipped(BadInputKind.EMPTY_TARGET));
        }
    }

    @Test
    void badInputUnderErrorSurfacesFromHasNext() throws IOException {
        try (CorpusSequenceReader reader = reader(tsv(BadInputPolicy.ERROR), Side.SOURCE)) {
            reader.sequenceRecord();
            CorpusReadException error = assertThrows(CorpusReadException.class, reader::hasNext);
            assertEquals(2, error.line());
        }
    }

    @Test
    void resetStartsANewPass() throws IOException {
        try (CorpusSequenceReader reader = reader(tsv(BadInputPolicy.SKIP), Side.SOURCE)) {
            List<List<Writable>> first = reader.sequenceRecord();
            reader.sequenceRecord();
            assertFalse(reader.hasNext());
            reader.reset();
            assertEquals(0, reader.statistics().pairs());
            assertTrue(reader.hasNext());
            assertEquals(first, reader.sequenceRecord());
        }
    }

    @Test
    void readingPastTheEndSaysToReset() throws IOException {
        try (CorpusSequenceReader reader = reader(tsv(BadInputPolicy.SKIP), Side.SOURCE)) {
            reader.sequenceRecord();
            reader.sequenceRecord();
            NoSuchElementException error = assertThrows(NoSuchElementException.class, reader::sequenceRecord);
            assertTrue(error.getMessage().contains("call reset()"), error.getMessage());
        }
    }

    @Test
    void metadataHoldsTheLineAndLoadsTheSameSequence() throws IOException {
        TsvFormat format = tsv(BadInputPolicy.SKIP);
        try (CorpusSequenceReader reader = reader(format, Side.TARGET)) {
            reader.nextSequence();
            SequenceRecord third = reader.nextSequence();
            RecordMetaDataLine metaData = assertInstanceOf(RecordMetaDataLine.class, third.getMetaData());
            assertEquals(3, metaData.getLineNumber());
            assertEquals(format.file().toUri(), metaData.getURI());
            assertEquals(third.getSequenceRecord(),
                    reader.loadSequenceFromMetaData(metaData).getSequenceRecord());
            assertThrows(IllegalArgumentException.class, () -> reader.loadSequenceFromMetaData(
                    new RecordMetaDataLine(2, format.file().toUri(), CorpusSequenceReader.class)));
        }
    }

    @Test
    void statisticsSurviveClose() throws IOException {
        CorpusSequenceReader reader = reader(tsv(BadInputPolicy.SKIP), Side.SOURCE);
        while (reader.hasNext()) {
            reader.sequenceRecord();
        }
        reader.close();
        assertEquals(2, reader.statistics().pairs());
    }

    @Test
    void readsParallelFiles() throws IOException {
        Path german = Files.writeString(directory.resolve("train.de"), "Hallo Welt!\n");
        Path english = Files.writeString(directory.resolve("train.en"), "Hello world!\n");
        ParallelFormat format = new ParallelFormat(german, english, BadInputPolicy.ERROR);
        try (CorpusSequenceReader source = reader(format, Side.SOURCE);
             CorpusSequenceReader target = reader(format, Side.TARGET)) {
            assertEquals(List.of(new SequencePair(List.of("Hallo", "Welt", "!"), List.of("Hello", "world", "!"))),
                    SequencePairs.fromReaders(source, target));
        }
    }
}
