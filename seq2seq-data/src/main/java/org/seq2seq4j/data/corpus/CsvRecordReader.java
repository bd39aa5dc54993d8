package org.seq2seq4j.data.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comma-separated file into records and fields, following RFC 4180:
 * <ul>
 *   <li>fields are separated by {@code ,}; records end at a line break outside quotes;</li>
 *   <li>a field that starts with {@code "} is quoted: it may contain commas and line breaks (a record then spans
 *       several lines, the line break becoming {@code \n}), and {@code ""} inside it stands for one {@code "};</li>
 *   <li>after a closing quote only {@code ,} or the end of the record may follow, anything else makes the record
 *       {@link BadInputKind#MALFORMED_CSV}, as does a quote still open at the end of the file (the record then ends
 *       there);</li>
 *   <li>a {@code "} inside an unquoted field is kept literally ({@code 5" tall}), as most CSV readers do;</li>
 *   <li>spaces around fields are part of the field; the delimiter is always a comma.</li>
 * </ul>
 * A record with a line that is not valid UTF-8 is {@link BadInputKind#INVALID_UTF8}; its structure is still followed
 * so that the next record is found.
 */
final class CsvRecordReader implements Closeable {

    /**
     * One CSV record.
     *
     * @param line        the 1-based line where the record starts
     * @param fields      the fields, unquoted
     * @param problemKind {@code null} for a good record, else {@link BadInputKind#INVALID_UTF8} or
     *                    {@link BadInputKind#MALFORMED_CSV}
     * @param problem     what is wrong, {@code null} for a good record
     */
    record CsvRecord(long line, List<String> fields, BadInputKind problemKind, String problem) {
    }

    private final LineReader lines;

    CsvRecordReader(LineReader lines) {
        this.lines = lines;
    }

    Path file() {
        return lines.file();
    }

    /** @return the next record, or {@code null} at the end of the file */
    CsvRecord next() throws IOException {
        TextLine line = lines.next();
        if (line == null) {
            return null;
        }
        long start = line.number();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        BadInputKind problemKind = null;
        String problem = null;
        boolean fieldStart = true;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        while (true) {
            if (line.malformed() && problemKind == null) {
                problemKind = BadInputKind.INVALID_UTF8;
                problem = "invalid UTF-8 on line " + line.number() + ": " + line.encodingError();
            }
            String text = line.text();
            int index = 0;
            while (index < text.length()) {
                char c = text.charAt(index++);
                if (quoted) {
                    if (c != '"') {
                        field.append(c);
                    } else if (index < text.length() && text.charAt(index) == '"') {
                        field.append('"');
                        index++;
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    afterClosingQuote = false;
                } else if (fieldStart && c == '"') {
                    quoted = true;
                    fieldStart = false;
                } else {
                    if (afterClosingQuote && problemKind == null) {
                        problemKind = BadInputKind.MALFORMED_CSV;
                        problem = "field " + (fields.size() + 1) + " has text after its closing quote, starting with '"
                                + c + "' on line " + line.number() + " (a quote inside a quoted field must be doubled)";
                    }
                    field.append(c);
                    fieldStart = false;
                }
            }
            if (!quoted) {
                break;
            }
            TextLine continuation = lines.next();
            if (continuation == null) {
                if (problemKind == null) {
                    problemKind = BadInputKind.MALFORMED_CSV;
                    problem = "field " + (fields.size() + 1) + " opens a quote that is never closed before the end"
                            + " of the file";
                }
                break;
            }
            field.append('\n');
            line = continuation;
        }
        fields.add(field.toString());
        return new CsvRecord(start, fields, problemKind, problem);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
