package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One tab-separated file, a sentence pair per line, as the Tatoeba/Anki downloads ({@code English<TAB>French<TAB>
 * attribution}). Columns are split at every tab, without any quoting; columns beyond the two used are ignored. The
 * direction of translation is chosen by the column indexes: {@code sourceColumn 1, targetColumn 0} translates the
 * Anki files from French to English.
 *
 * @param file         the file, plain or gzip; relative to the working directory unless
 *                     {@link #resolveAgainst(Path) resolved}
 * @param sourceColumn the 0-based column of the source sentence, in {@code [0, 1000]}
 * @param targetColumn the 0-based column of the target sentence, in {@code [0, 1000]}, not {@code sourceColumn}
 * @param onBadInput   what to do with bad lines
 */
public record TsvFormat(@JsonProperty(required = true) @JsonSerialize(using = ToStringSerializer.class) Path file,
                        @JsonProperty(required = true) int sourceColumn,
                        @JsonProperty(required = true) int targetColumn,
                        @JsonProperty(required = true) BadInputPolicy onBadInput) implements CorpusFormat {

    /** Largest column index accepted, against typos. */
    public static final int MAX_COLUMN = 1000;

    /** Validates the file, the columns and the policy. */
    public TsvFormat {
        CorpusConfigException.requireNonNull("file", file, "a file name");
        requireColumn("sourceColumn", sourceColumn);
        requireColumn("targetColumn", targetColumn);
        if (sourceColumn == targetColumn) {
            throw new CorpusConfigException("targetColumn", targetColumn, "targetColumn must differ from sourceColumn,"
                    + " got " + targetColumn + " for both");
        }
        CorpusConfigException.requirePolicy(onBadInput);
    }

    private static void requireColumn(String field, int column) {
        if (column < 0 || column > MAX_COLUMN) {
            throw new CorpusConfigException(field, column, field + " must be between 0 and " + MAX_COLUMN
                    + " (0-based column index), got " + column);
        }
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public TsvFormat resolveAgainst(Path directory) {
        return new TsvFormat(directory.resolve(file), sourceColumn, targetColumn, onBadInput);
    }

    @Override
    public TextPairReader open() throws IOException {
        RejectedInput rejected = new RejectedInput(onBadInput);
        return new TextPairReader(new TsvPairSource(LineReader.open(file), this, rejected), rejected);
    }
}
