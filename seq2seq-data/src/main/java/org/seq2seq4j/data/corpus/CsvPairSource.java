package org.seq2seq4j.data.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs from two named columns of a CSV file with a header row (see {@link CsvFormat} and {@link CsvRecordReader}).
 * The header is read when the source is opened; a missing, broken or ambiguous header is always an error.
 */
final class CsvPairSource implements PairSource {

    private final CsvRecordReader records;
    private final CsvFormat format;
    private final RejectedInput rejected;
    private final int sourceIndex;
    private final int targetIndex;

    /** Reads the header and finds the two columns. */
    CsvPairSource(CsvRecordReader records, CsvFormat format, RejectedInput rejected) throws IOException {
        this.records = records;
        this.format = format;
        this.rejected = rejected;
        CsvRecordReader.CsvRecord header = records.next();
        if (header == null) {
            throw new CorpusReadException(records.file(), 1, BadInputKind.BAD_HEADER, "the file is empty; expected a"
                    + " header row naming the columns '" + format.sourceColumn() + "' and '" + format.targetColumn()
                    + "'");
        }
        if (header.problemKind() != null) {
            throw new CorpusReadException(records.file(), header.line(), BadInputKind.BAD_HEADER,
                    "the header row is unreadable: " + header.problem());
        }
        List<String> names = new ArrayList<>();
        header.fields().forEach(name -> names.add(name.strip()));
        this.sourceIndex = column(names, header.line(), "sourceColumn", format.sourceColumn());
        this.targetIndex = column(names, header.line(), "targetColumn", format.targetColumn());
    }

    private int column(List<String> names, long line, String key, String name) {
        int first = names.indexOf(name);
        int last = names.lastIndexOf(name);
        if (first < 0) {
            throw new CorpusReadException(records.file(), line, BadInputKind.BAD_HEADER, "the header has no column"
                    + " named '" + name + "' (" + key + "); its columns are " + names);
        }
        if (first != last) {
            throw new CorpusReadException(records.file(), line, BadInputKind.BAD_HEADER, "the header names column '"
                    + name + "' (" + key + ") more than once, as fields " + (first + 1) + " and " + (last + 1));
        }
        return first;
    }

    @Override
    public TextPair readNext() throws IOException {
        for (CsvRecordReader.CsvRecord record = records.next(); record != null; record = records.next()) {
            TextPair pair = parse(record);
            if (pair != null) {
                return pair;
            }
        }
        return null;
    }

    private TextPair parse(CsvRecordReader.CsvRecord record) {
        if (record.problemKind() != null) {
            rejected.reject(records.file(), record.line(), record.problemKind(), record.problem());
            return null;
        }
        int needed = Math.max(sourceIndex, targetIndex) + 1;
        if (record.fields().size() < needed) {
            int found = record.fields().size();
            rejected.reject(records.file(), record.line(), BadInputKind.MISSING_COLUMN, "the record has " + found
                    + " field" + (found == 1 ? "" : "s") + ", but column '" + format.sourceColumn() + "' is field "
                    + (sourceIndex + 1) + " and column '" + format.targetColumn() + "' is field " + (targetIndex + 1));
            return null;
        }
        String source = record.fields().get(sourceIndex);
        String target = record.fields().get(targetIndex);
        if (RejectedInput.isBlank(source)) {
            rejected.reject(records.file(), record.line(), BadInputKind.EMPTY_SOURCE,
                    "the source (column '" + format.sourceColumn() + "') is empty");
            return null;
        }
        if (RejectedInput.isBlank(target)) {
            rejected.reject(records.file(), record.line(), BadInputKind.EMPTY_TARGET,
                    "the target (column '" + format.targetColumn() + "') is empty");
            return null;
        }
        return new TextPair(source, target, record.line());
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
