package org.seq2seq4j.data.corpus;

import java.io.IOException;

/**
 * Pairs from two line-aligned files, line {@code i} of one translating line {@code i} of the other (see
 * {@link ParallelFormat}). A different number of lines is detected when one file ends before the other, after the
 * common lines have been delivered, and is always an error.
 */
final class ParallelPairSource implements PairSource {

    private final LineReader sources;
    private final LineReader targets;
    private final RejectedInput rejected;

    ParallelPairSource(LineReader sources, LineReader targets, RejectedInput rejected) {
        this.sources = sources;
        this.targets = targets;
        this.rejected = rejected;
    }

    @Override
    public TextPair readNext() throws IOException {
        while (true) {
            TextLine source = sources.next();
            TextLine target = targets.next();
            if (source == null && target == null) {
                return null;
            }
            if (source == null || target == null) {
                throw misaligned(source == null ? sources : targets, source == null ? targets : sources);
            }
            TextPair pair = parse(source, target);
            if (pair != null) {
                return pair;
            }
        }
    }

    private CorpusReadException misaligned(LineReader shorter, LineReader longer) {
        long missing = shorter.linesRead() + 1;
        return new CorpusReadException(shorter.file(), missing, BadInputKind.MISALIGNED_FILES,
                "the parallel files are not aligned: " + shorter.file() + " ends after " + shorter.linesRead()
                        + " lines, but " + longer.file() + " has a line " + missing
                        + "; both files need one sentence per line, line by line translations of each other");
    }

    private TextPair parse(TextLine source, TextLine target) {
        long number = source.number();
        if (source.malformed()) {
            rejected.reject(sources.file(), number, BadInputKind.INVALID_UTF8,
                    "invalid UTF-8: " + source.encodingError());
            return null;
        }
        if (target.malformed()) {
            rejected.reject(targets.file(), number, BadInputKind.INVALID_UTF8,
                    "invalid UTF-8: " + target.encodingError());
            return null;
        }
        if (RejectedInput.isBlank(source.text())) {
            rejected.reject(sources.file(), number, BadInputKind.EMPTY_SOURCE, "the source line is empty");
            return null;
        }
        if (RejectedInput.isBlank(target.text())) {
            rejected.reject(targets.file(), number, BadInputKind.EMPTY_TARGET, "the target line is empty");
            return null;
        }
        return new TextPair(source.text(), target.text(), number);
    }

    @Override
    public void close() throws IOException {
        try {
            sources.close();
        } finally {
            targets.close();
        }
    }
}
