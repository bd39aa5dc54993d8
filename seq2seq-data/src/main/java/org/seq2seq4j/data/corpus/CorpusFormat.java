package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a parallel corpus is and how its files are laid out, and at the same time its JSON config, e.g.
 * {@code {"type":"tsv","file":"fra-eng.txt.gz","sourceColumn":0,"targetColumn":1,"onBadInput":"skip"}}. The
 * {@code type} names are {@code tsv} ({@link TsvFormat}), {@code parallel} ({@link ParallelFormat}) and {@code csv}
 * ({@link CsvFormat}); the other keys are the record components of the implementing record, all required, each
 * validated in its compact constructor ({@link CorpusConfigException}).
 *
 * <p>Every layout is read the same way: files are UTF-8, plain or gzip-compressed (detected by magic bytes), decoded
 * strictly, and streamed one line at a time; bad lines are handled by {@link #onBadInput()}. {@link #open()} is the
 * factory that opens the reader for the layout.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TsvFormat.class, name = "tsv"),
        @JsonSubTypes.Type(value = ParallelFormat.class, name = "parallel"),
        @JsonSubTypes.Type(value = CsvFormat.class, name = "csv")
})
public sealed interface CorpusFormat permits TsvFormat, ParallelFormat, CsvFormat {

    /** @return what to do with bad lines */
    BadInputPolicy onBadInput();

    /** @return the files this corpus reads, e.g. to hash them into a run manifest */
    List<Path> files();

    /**
     * @param directory the directory relative file names are meant relative to, e.g. the experiment file's
     * @return this format with every relative file resolved against {@code directory}; absolute files unchanged
     */
    CorpusFormat resolveAgainst(Path directory);

    /**
     * Opens a streaming reader positioned before the first pair.
     *
     * @return the reader; the caller closes it
     * @throws IOException         if a file cannot be opened
     * @throws CorpusReadException if a CSV header does not name the configured columns
     */
    TextPairReader open() throws IOException;
}
