package org.seq2seq4j.experiments.report;

import java.nio.file.Path;

/**
 * A line of a run's {@code metrics.jsonl} could not be read as an {@link org.seq2seq4j.core.train.EpochMetrics},
 * or its epochs are out of order. The message names the file and the 1-based line number so the user can
 * open the file at that line.
 */
public final class MetricsLogFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * @param file   the metrics log
     * @param line   1-based line number of the offending line
     * @param reason what is wrong with that line
     * @param cause  the parser's exception, or {@code null} if the line parsed but broke a rule
     */
    public MetricsLogFormatException(Path file, int line, String reason, Throwable cause) {
        super(file + ":" + line + ": " + reason, cause);
        this.file = file;
        this.line = line;
    }

    /** The metrics log that holds the bad line. */
    public Path file() {
        return file;
    }

    /** 1-based number of the bad line. */
    public int line() {
        return line;
    }
}
