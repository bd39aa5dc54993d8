package org.seq2seq4j.data.corpus;

import java.nio.file.Path;

/**
 * A corpus file holds bad input that the reader was told not to skip, or that can never be skipped. The message has
 * the form {@code <file>:<line>: <what is wrong>}, lines counted from 1; for a skippable problem it ends with how to
 * skip such lines instead.
 */
public class CorpusReadException extends RuntimeException {

    private final transient Path file;
    private final long line;
    private final BadInputKind kind;

    /**
     * @param file        the file with the bad input
     * @param line        the 1-based line number (for a CSV record spanning lines, where the record starts)
     * @param kind        what kind of problem it is
     * @param description what is wrong, without the file and line
     */
    public CorpusReadException(Path file, long line, BadInputKind kind, String description) {
        super(file + ":" + line + ": " + description + (kind.skippable()
                ? " (set onBadInput to \"skip\" to drop such lines and count them)" : ""));
        this.file = file;
        this.line = line;
        this.kind = kind;
    }

    /** @return the file with the bad input */
    public Path file() {
        return file;
    }

    /** @return the 1-based line number of the bad input */
    public long line() {
        return line;
    }

    /** @return what kind of problem it is */
    public BadInputKind kind() {
        return kind;
    }
}
