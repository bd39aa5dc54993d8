package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one pass of a corpus reader produced: the number of pairs delivered and the number of lines (or CSV records)
 * skipped, per kind of bad input. A line with several problems is counted once, under the first one found (encoding,
 * then columns, then empty source, then empty target).
 *
 * @param pairs   pairs delivered, at least 0
 * @param skipped skipped lines per kind; every skippable {@link BadInputKind} is present (0 when none), in enum order;
 *                copied, unmodifiable
 */
public record ReadStatistics(long pairs, Map<BadInputKind, Long> skipped) {

    /** Validates the counts and fills in zeros for kinds that were not skipped. */
    public ReadStatistics {
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must be at least 0, got " + pairs);
        }
        EnumMap<BadInputKind, Long> complete = new EnumMap<>(BadInputKind.class);
        for (BadInputKind kind : BadInputKind.values()) {
            if (kind.skippable()) {
                complete.put(kind, 0L);
            }
        }
        for (Map.Entry<BadInputKind, Long> entry : skipped.entrySet()) {
            if (!entry.getKey().skippable()) {
                throw new IllegalArgumentException(entry.getKey() + " is never skipped, so it cannot be counted");
            }
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("skip count of " + entry.getKey() + " must be at least 0, got "
                        + entry.getValue());
            }
            complete.put(entry.getKey(), entry.getValue());
        }
        skipped = Collections.unmodifiableMap(complete);
    }

    /**
     * @param kind a kind of bad input
     * @return how many lines of that kind were skipped (0 for kinds that are never skipped)
     */
    public long skipped(BadInputKind kind) {
        return skipped.getOrDefault(kind, 0L);
    }

    /** @return all skipped lines */
    @JsonIgnore
    public long totalSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return pairs + " pairs, skipped " + skipped;
    }
}
