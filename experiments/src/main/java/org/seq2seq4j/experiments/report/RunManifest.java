package org.seq2seq4j.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.seq2seq4j.core.io.AtomicFiles;

/**
 * The provenance of a run, written to {@code <runDir>/manifest.json}: what software on which machine, from
 * which commit and command line, with which seed and data produced the run's numbers, and when.
 *
 * <p>A manifest is written twice: by {@link #start} when the run begins, with {@code finishedAt} equal to
 * {@value #RUNNING}, and again from {@link #finish()} when it ends, with {@code finishedAt} the end instant. A
 * manifest that still says {@value #RUNNING} after the process is gone belongs to a run that crashed or was
 * killed. Instants are ISO-8601 UTC strings ({@link Instant#toString()}), millisecond precision.
 *
 * @param schemaVersion  version of this JSON layout, {@value #SCHEMA_VERSION}
 * @param toolkit        toolkit name, {@code seq2seq4j}
 * @param toolkitVersion Maven version of the toolkit, or {@code unknown} if run from unfiltered classes
 * @param dl4jVersion    Deeplearning4j/ND4J version the toolkit was built against
 * @param environment    JVM, operating system and ND4J backend
 * @param seed           the run's random seed
 * @param dataHashes     data file name (or generated data set name) to lower-case SHA-256 hex, sorted by name
 * @param gitCommit      {@link GitRevision} of the working directory: a commit hash, optionally with
 *                       {@code -dirty}, or {@code unknown}
 * @param commandLine    the arguments the run was started with
 * @param startedAt      ISO-8601 instant the run started
 * @param finishedAt     ISO-8601 instant the run finished, or {@value #RUNNING} while it has not
 */
public record RunManifest(
        int schemaVersion,
        String toolkit,
        String toolkitVersion,
        String dl4jVersion,
        RunEnvironment environment,
        long seed,
        Map<String, String> dataHashes,
        String gitCommit,
        List<String> commandLine,
        String startedAt,
        String finishedAt) {

    /** The JSON layout version this class writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    /** File name of the manifest inside a run directory. */
    public static final String FILE_NAME = "manifest.json";
    /** Value of {@link #finishedAt} until the run finishes. */
    public static final String RUNNING = "running";
    /** Classpath resource filled in by Maven with the toolkit and DL4J versions. */
    static final String VERSION_RESOURCE = "/org/seq2seq4j/experiments/version.properties";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    public RunManifest {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported manifest schemaVersion " + schemaVersion
                    + "; this toolkit reads version " + SCHEMA_VERSION);
        }
        Objects.requireNonNull(toolkit, "toolkit");
        Objects.requireNonNull(toolkitVersion, "toolkitVersion");
        Objects.requireNonNull(dl4jVersion, "dl4jVersion");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(gitCommit, "gitCommit");
        dataHashes.forEach((name, hash) -> {
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException("dataHashes['" + name + "'] = '" + hash
                        + "' is not a lower-case hex SHA-256 (64 characters of 0-9a-f)");
            }
        });
        dataHashes = Collections.unmodifiableMap(new TreeMap<>(dataHashes));
        commandLine = List.copyOf(commandLine);
        Instant start = parseInstant("startedAt", startedAt);
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (!RUNNING.equals(finishedAt) && parseInstant("finishedAt", finishedAt).isBefore(start)) {
            throw new IllegalArgumentException("finishedAt " + finishedAt + " is before startedAt " + startedAt);
        }
    }

    /**
     * A manifest for a run starting now, in the current working directory: versions, environment
     * ({@link RunEnvironment#capture()}, which initialises ND4J) and git revision are captured here.
     *
     * @param seed        the run's random seed
     * @param dataHashes  data file or data set name to SHA-256 (see {@link #sha256(Path)}, {@link #hashFiles})
     * @param commandLine the run's arguments
     */
    public static RunManifest start(long seed, Map<String, String> dataHashes, List<String> commandLine) {
        Properties versions = versions();
        return new RunManifest(
                SCHEMA_VERSION,
                versions.getProperty("toolkit.name", "seq2seq4j"),
                versions.getProperty("toolkit.version"),
                versions.getProperty("dl4j.version"),
                RunEnvironment.capture(),
                seed,
                dataHashes,
                GitRevision.of(Path.of("").toAbsolutePath()),
                commandLine,
                now().toString(),
                RUNNING);
    }

    /** This manifest marked as finished now. */
    public RunManifest finish() {
        Instant end = now();
        Instant start = Instant.parse(startedAt);
        return finish(end.isBefore(start) ? start : end);
    }

    /**
     * This manifest marked as finished at {@code end}.
     *
     * @throws IllegalStateException    if it is already finished
     * @throws IllegalArgumentException if {@code end} is before {@link #startedAt}
     */
    public RunManifest finish(Instant end) {
        if (hasFinished()) {
            throw new IllegalStateException("run started at " + startedAt + " already finished at " + finishedAt);
        }
        return new RunManifest(schemaVersion, toolkit, toolkitVersion, dl4jVersion, environment, seed,
                dataHashes, gitCommit, commandLine, startedAt, end.toString());
    }

    /** Whether {@link #finishedAt} holds an instant rather than {@value #RUNNING}. */
    public boolean hasFinished() {
        return !RUNNING.equals(finishedAt);
    }

    /**
     * Wall-clock time from start to finish.
     *
     * @throws IllegalStateException if the run has not finished
     */
    public Duration wallTime() {
        if (!hasFinished()) {
            throw new IllegalStateException("run started at " + startedAt + " has not finished");
        }
        return Duration.between(Instant.parse(startedAt), Instant.parse(finishedAt));
    }

    /** Atomically writes (or replaces) {@code <runDir>/manifest.json} and returns its path. */
    public Path write(Path runDir) {
        Path file = runDir.resolve(FILE_NAME);
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(this) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the run manifest: " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Reads a manifest written by {@link #write}.
     *
     * @throws IllegalArgumentException if the file is not a valid manifest (the message names the file)
     * @throws UncheckedIOException     if it cannot be read
     */
    public static RunManifest read(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), RunManifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a valid run manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Lower-case hex SHA-256 of an in-memory data set: each line in UTF-8 followed by {@code '\n'}. This
     * equals {@link #sha256(Path)} of the file that holds the same lines with Unix line ends, so a generated
     * data set and its saved copy hash alike.
     */
    public static String sha256(Iterable<String> lines) {
        MessageDigest digest = newSha256();
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * File name to {@link #sha256(Path)} for each file, the form {@link #dataHashes} takes.
     *
     * @throws IllegalArgumentException if two files have the same name
     */
    public static Map<String, String> hashFiles(List<Path> files) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (hashes.put(name, sha256(file)) != null) {
                throw new IllegalArgumentException("two data files are named '" + name
                        + "'; hash them under distinct names, e.g. with their directory");
            }
        }
        return Collections.unmodifiableMap(hashes);
    }

    /** Toolkit and DL4J versions from the Maven-filtered resource; {@code unknown} where unfiltered. */
    static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = RunManifest.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VERSION_RESOURCE + ": " + e.getMessage(), e);
        }
        for (String key : List.of("toolkit.version", "dl4j.version")) {
            String value = properties.getProperty(key, "");
            if (value.isBlank() || value.contains("${")) {
                properties.setProperty(key, "unknown");
            }
        }
        return properties;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant parseInstant(String name, String value) {
        Objects.requireNonNull(value, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO-8601 instant such as "
                    + "2024-05-01T12:00:00Z" + (name.equals("finishedAt") ? " or \"" + RUNNING + "\"" : ""), e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE platform must provide", e);
        }
    }
}
