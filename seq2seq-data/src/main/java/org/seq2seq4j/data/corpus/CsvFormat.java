package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A comma-separated file whose first record is a header row; the source and target columns are chosen by header name
 * (compared after stripping surrounding spaces, case-sensitive), other columns are ignored. Quoting follows RFC 4180,
 * including quoted commas, doubled quotes and quoted line breaks (see {@link CsvRecordReader} for the exact rules);
 * the separator is always a comma. A header that lacks a named column, or names it twice, is always an error
 * ({@link BadInputKind#BAD_HEADER}) listing the header's columns.
 *
 * @param file         the file, plain or gzip
 * @param sourceColumn the header name of the source column, not blank
 * @param targetColumn the header name of the target column, not blank, not {@code sourceColumn}
 * @param onBadInput   what to do with bad records
 */
public record CsvFormat(@JsonProperty(required = true) @JsonSerialize(using = ToStringSerializer.class) Path file,
                        @JsonProperty(required = true) String sourceColumn,
                        @JsonProperty(required = true) String targetColumn,
                        @JsonProperty(required = true) BadInputPolicy onBadInput) implements CorpusFormat {

    /** Validates the file, the column names and the policy. */
    public CsvFormat {
        CorpusConfigException.requireNonNull("file", file, "a file name");
        requireName("sourceColumn", sourceColumn);
        requireName("targetColumn", targetColumn);
        if (sourceColumn.strip().equals(targetColumn.strip())) {
            throw new CorpusConfigException("targetColumn", targetColumn, "targetColumn must differ from sourceColumn,"
                    + " got '" + targetColumn + "' for both");
        }
        sourceColumn = sourceColumn.strip();
        targetColumn = targetColumn.strip();
        CorpusConfigException.requirePolicy(onBadInput);
    }

    private static void requireName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new CorpusConfigException(field, name, field + " must be a column name from the header row, got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public CsvFormat resolveAgainst(Path directory) {
        return new CsvFormat(directory.resolve(file), sourceColumn, targetColumn, onBadInput);
    }

    @Override
    public TextPairReader open() throws IOException {
        RejectedInput rejected = new RejectedInput(onBadInput);
        CsvRecordReader records = new CsvRecordReader(LineReader.open(file));
        try {
            return new TextPairReader(new CsvPairSource(records, this, rejected), rejected);
        } catch (IOException | RuntimeException e) {
            records.close();
            throw e;
        }
    }
}
