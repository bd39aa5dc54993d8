package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a corpus reader does with a bad line: {@code "error"} or {@code "skip"} in JSON. Some problems cannot be
 * skipped whatever the policy (see {@link BadInputKind#skippable()}).
 */
public enum BadInputPolicy {
    /** Stop at the first bad line with a {@link CorpusReadException} naming the file, the line and the problem. */
    @JsonProperty("error")
    ERROR,
    /** Drop bad lines and count them per {@link BadInputKind} in {@link ReadStatistics}. */
    @JsonProperty("skip")
    SKIP
}
