package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kinds of bad input a corpus reader detects. The first five concern one line (or one CSV record) and are
 * skipped under {@link BadInputPolicy#SKIP}; the last two concern the whole corpus and are always an error.
 */
public enum BadInputKind {
    /** The line is not valid UTF-8 (malformed or overlong byte sequences, encoded surrogates). */
    @JsonProperty("invalid_utf8")
    INVALID_UTF8(true),
    /** The line has too few columns for the configured source and target columns (e.g. no tab, a blank line). */
    @JsonProperty("missing_column")
    MISSING_COLUMN(true),
    /** A CSV record breaks the quoting rules: text after a closing quote, or a quote never closed. */
    @JsonProperty("malformed_csv")
    MALFORMED_CSV(true),
    /** The source text is empty or only whitespace and invisible format characters. */
    @JsonProperty("empty_source")
    EMPTY_SOURCE(true),
    /** The target text is empty or only whitespace and invisible format characters. */
    @JsonProperty("empty_target")
    EMPTY_TARGET(true),
    /** Two line-aligned files have different numbers of lines; lines cannot be realigned, so never skipped. */
    @JsonProperty("misaligned_files")
    MISALIGNED_FILES(false),
    /** A CSV file has no header row, a broken one, or one that does not name a configured column exactly once. */
    @JsonProperty("bad_header")
    BAD_HEADER(false);

    private final boolean skippable;

    BadInputKind(boolean skippable) {
        this.skippable = skippable;
    }

    /** @return whether {@link BadInputPolicy#SKIP} drops such input instead of failing */
    public boolean skippable() {
        return skippable;
    }
}
