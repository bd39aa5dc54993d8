package org.seq2seq4j.experiments.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The git commit a run was started from, as recorded in its {@link RunManifest}: the full hash of
 * {@code HEAD}, with {@code "-dirty"} appended when {@code git status --porcelain} reports any change
 * (including untracked files), or {@value #UNKNOWN} when git is not installed, the directory is not in a
 * repository, or git does not answer within {@value #TIMEOUT_SECONDS} seconds.
 */
public final class GitRevision {

    /** Recorded when the commit cannot be determined. */
    public static final String UNKNOWN = "unknown";
    /** Suffix for a working tree that differs from its commit. */
    public static final String DIRTY_SUFFIX = "-dirty";
    /** Time limit for each git command. */
    public static final int TIMEOUT_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(GitRevision.class);

    private GitRevision() {
    }

    /** The revision of the working tree that contains {@code dir}. */
    public static String of(Path dir) {
        Optional<String> head = run(dir, "git", "rev-parse", "--verify", "HEAD");
        if (head.isEmpty() || head.get().isBlank()) {
            return UNKNOWN;
        }
        String commit = head.get().strip();
        Optional<String> status = run(dir, "git", "status", "--porcelain");
        if (status.isEmpty()) {
            LOG.warn("git status failed in {}; recording commit {} without a dirty check", dir, commit);
            return commit;
        }
        return status.get().isBlank() ? commit : commit + DIRTY_SUFFIX;
    }

    /** The command's standard output, or empty if it could not be run, timed out or exited non-zero. */
    private static Optional<String> run(Path dir, String... command) {
        Path output = null;
        Process process = null;
        try {
            // Output goes to a file, not a pipe, so a long `git status` cannot block the process.
            output = Files.createTempFile("seq2seq4j-git-", ".out");
            ProcessBuilder builder = new ProcessBuilder(List.of(command))
                    .directory(dir.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // `git status` must not take the index lock that a concurrent git command may hold.
            builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
            process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("'{}' did not finish within {} s in {}", String.join(" ", command), TIMEOUT_SECONDS, dir);
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("cannot run '{}' in {}: {}", String.join(" ", command), dir, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", output, e.getMessage());
                }
            }
        }
    }
}
