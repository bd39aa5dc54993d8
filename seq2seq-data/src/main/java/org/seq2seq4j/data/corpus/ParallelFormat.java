package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Two line-aligned plain-text files, one sentence per line, line {@code i} of {@code targetFile} translating line
 * {@code i} of {@code sourceFile} ({@code train.de} / {@code train.en}). Files with different numbers of lines are
 * always an error ({@link BadInputKind#MISALIGNED_FILES}), reported when the shorter one ends; a bad line in either
 * file drops the line from both under {@link BadInputPolicy#SKIP}, so the pairs stay aligned.
 *
 * @param sourceFile the source sentences, plain or gzip
 * @param targetFile the target sentences, plain or gzip; not the same file as {@code sourceFile}
 * @param onBadInput what to do with bad lines
 */
public record ParallelFormat(
        @JsonProperty(required = true) @JsonSerialize(using = ToStringSerializer.class) Path sourceFile,
        @JsonProperty(required = true) @JsonSerialize(using = ToStringSerializer.class) Path targetFile,
        @JsonProperty(required = true) BadInputPolicy onBadInput) implements CorpusFormat {

    /** Validates the files and the policy. */
    public ParallelFormat {
        CorpusConfigException.requireNonNull("sourceFile", sourceFile, "a file name");
        CorpusConfigException.requireNonNull("targetFile", targetFile, "a file name");
        if (sourceFile.normalize().equals(targetFile.normalize())) {
            throw new CorpusConfigException("targetFile", targetFile, "targetFile must differ from sourceFile, got "
                    + targetFile + " for both");
        }
        CorpusConfigException.requirePolicy(onBadInput);
    }

    @Override
    public List<Path> files() {
        return List.of(sourceFile, targetFile);
    }

    @Override
    public ParallelFormat resolveAgainst(Path directory) {
        return new ParallelFormat(directory.resolve(sourceFile), directory.resolve(targetFile), onBadInput);
    }

    @Override
    public TextPairReader open() throws IOException {
        RejectedInput rejected = new RejectedInput(onBadInput);
        LineReader sources = LineReader.open(sourceFile);
        LineReader targets;
        try {
            targets = LineReader.open(targetFile);
        } catch (IOException | RuntimeException e) {
            sources.close();
            throw e;
        }
        return new TextPairReader(new ParallelPairSource(sources, targets, rejected), rejected);
    }
}
