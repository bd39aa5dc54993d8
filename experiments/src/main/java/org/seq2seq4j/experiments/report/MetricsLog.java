package org.seq2seq4j.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.train.EpochMetrics;

/**
 * A run's per-epoch metrics as JSON Lines: {@code <runDir>/metrics.jsonl} holds one {@link EpochMetrics} object
 * per line, keys equal to the record's component names, epochs strictly increasing. Each append rewrites the
 * file atomically ({@link AtomicFiles#appendLine}), so a crash never leaves a torn last line.
 *
 * <p>Non-finite values (a diverged loss) are written as the JSON strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} and read back as the same doubles.
 */
public final class MetricsLog {

    /** File name of the log inside a run directory. */
    public static final String FILE_NAME = "metrics.jsonl";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;

    private MetricsLog(Path file) {
        this.file = file;
    }

    /** The log {@code <runDir>/metrics.jsonl}; nothing is created until the first {@link #append}. */
    public static MetricsLog inRunDir(Path runDir) {
        return new MetricsLog(runDir.resolve(FILE_NAME));
    }

    /** The log file this instance appends to. */
    public Path file() {
        return file;
    }

    /** Appends {@code metrics} as one JSON line, creating the file and its directory if needed. */
    public void append(EpochMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        AtomicFiles.appendLine(file, toJson(metrics));
    }

    /** The single-line JSON form of {@code metrics} as written to the log. */
    static String toJson(EpochMetrics metrics) {
        try {
            return MAPPER.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise epoch " + metrics.epoch() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every epoch of a metrics log, in file order. Blank lines are ignored.
     *
     * @throws MetricsLogFormatException if a line is not a complete {@link EpochMetrics} object or its epoch
     *                                   does not exceed the previous line's (the message names file and line)
     * @throws UncheckedIOException      if the file cannot be read
     */
    public static List<EpochMetrics> read(Path file) {
        List<EpochMetrics> result = new ArrayList<>();
        for (Entry entry : entries(file)) {
            result.add(entry.metrics());
        }
        return List.copyOf(result);
    }

    /**
     * Atomically rewrites {@code file} keeping only the lines whose epoch is {@code <= epoch}, byte for byte.
     * Used when a run resumes from a checkpoint older than the last logged epoch, so the resumed epochs are
     * not logged twice. A missing file is left missing.
     *
     * @param epoch last epoch to keep; {@code 0} empties the log
     * @return how many epochs were removed
     * @throws IllegalArgumentException  if {@code epoch} is negative
     * @throws MetricsLogFormatException if the existing log is malformed (nothing is rewritten then)
     */
    public static int truncateAfter(Path file, int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch to truncate after must be >= 0, got " + epoch);
        }
        if (!Files.exists(file)) {
            return 0;
        }
        List<Entry> entries = entries(file);
        StringBuilder kept = new StringBuilder();
        int removed = 0;
        for (Entry entry : entries) {
            if (entry.metrics().epoch() <= epoch) {
                kept.append(entry.text()).append('\n');
            } else {
                removed++;
            }
        }
        if (removed > 0) {
            AtomicFiles.writeString(file, kept.toString());
        }
        return removed;
    }

    /** One parsed line with its original text. */
    private record Entry(EpochMetrics metrics, String text) {
    }

    private static List<Entry> entries(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metrics log " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>(lines.size());
        int previousEpoch = Integer.MIN_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            EpochMetrics metrics = parseLine(file, lineNumber, text);
            if (metrics.epoch() <= previousEpoch) {
                throw new MetricsLogFormatException(file, lineNumber, "epoch " + metrics.epoch()
                        + " does not follow epoch " + previousEpoch + " of the previous line; a resumed run must"
                        + " call MetricsLog.truncateAfter(file, checkpointEpoch) before appending", null);
            }
            previousEpoch = metrics.epoch();
            entries.add(new Entry(metrics, text));
        }
        return entries;
    }

    /** Keys added after the first release, absent from older logs: filled with their empty value when missing. */
    private static final List<String> LATER_ADDITIONS = List.of("devScores");

    private static EpochMetrics parseLine(Path file, int lineNumber, String text) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree instanceof ObjectNode object) {
                for (String key : LATER_ADDITIONS) {
                    if (!object.has(key)) {
                        object.putObject(key);
                    }
                }
            }
            return MAPPER.treeToValue(tree, EpochMetrics.class);
        } catch (JsonProcessingException e) {
            throw new MetricsLogFormatException(file, lineNumber,
                    "not a valid EpochMetrics JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
