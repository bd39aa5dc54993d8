package org.seq2seq4j.data.corpus;

import java.io.IOException;

/** Pairs from two columns of one tab-separated file (see {@link TsvFormat}). */
final class TsvPairSource implements PairSource {

    private final LineReader lines;
    private final TsvFormat format;
    private final RejectedInput rejected;
    private final int columnsNeeded;

    TsvPairSource(LineReader lines, TsvFormat format, RejectedInput rejected) {
        this.lines = lines;
        this.format = format;
        this.rejected = rejected;
        this.columnsNeeded = Math.max(format.sourceColumn(), format.targetColumn()) + 1;
    }

    @Override
    public TextPair readNext() throws IOException {
        for (TextLine line = lines.next(); line != null; line = lines.next()) {
            TextPair pair = parse(line);
            if (pair != null) {
                return pair;
            }
        }
        return null;
    }

    private TextPair parse(TextLine line) {
        if (line.malformed()) {
            rejected.reject(lines.file(), line.number(), BadInputKind.INVALID_UTF8,
                    "invalid UTF-8: " + line.encodingError());
            return null;
        }
        String[] columns = line.text().split("\t", columnsNeeded + 1);
        if (columns.length < columnsNeeded) {
            String found = line.text().isEmpty() ? "the line is empty"
                    : "the line has " + columns.length + " tab-separated column" + (columns.length == 1 ? "" : "s");
            rejected.reject(lines.file(), line.number(), BadInputKind.MISSING_COLUMN, found
                    + ", but sourceColumn " + format.sourceColumn() + " and targetColumn " + format.targetColumn()
                    + " (0-based) need at least " + columnsNeeded);
            return null;
        }
        String source = columns[format.sourceColumn()];
        String target = columns[format.targetColumn()];
        if (RejectedInput.isBlank(source)) {
            rejected.reject(lines.file(), line.number(), BadInputKind.EMPTY_SOURCE,
                    "the source (column " + format.sourceColumn() + ") is empty");
            return null;
        }
        if (RejectedInput.isBlank(target)) {
            rejected.reject(lines.file(), line.number(), BadInputKind.EMPTY_TARGET,
                    "the target (column " + format.targetColumn() + ") is empty");
            return null;
        }
        return new TextPair(source, target, line.number());
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
