package org.seq2seq4j.core.eval;

/**
 * Hypotheses and references that cannot be paired line by line: a reference stream has a different number of
 * segments from the hypotheses. sacreBLEU's Python API silently scores the shorter prefix in that case; here it is an
 * error, since it almost always means misaligned files.
 */
public final class SegmentCountMismatchException extends IllegalArgumentException {

    private final int hypotheses;
    private final int references;
    private final int stream;

    /**
     * @param hypotheses number of hypothesis segments
     * @param references number of segments in the reference stream
     * @param stream     index of that reference stream, from 0
     * @param streams    number of reference streams
     */
    public SegmentCountMismatchException(int hypotheses, int references, int stream, int streams) {
        super(hypotheses + " hypotheses but " + references + " references"
                + (streams > 1 ? " in reference stream " + stream + " (of " + streams + ")" : "")
                + ": every hypothesis needs exactly one line in each reference stream");
        this.hypotheses = hypotheses;
        this.references = references;
        this.stream = stream;
    }

    public int hypotheses() {
        return hypotheses;
    }

    public int references() {
        return references;
    }

    /** Index of the offending reference stream, from 0. */
    public int stream() {
        return stream;
    }
}
