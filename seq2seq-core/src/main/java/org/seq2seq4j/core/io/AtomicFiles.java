package org.seq2seq4j.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees a half-written file: the content goes to a temporary file in the
 * same directory, is forced to disk, and is then renamed over the target in one atomic step. If the process
 * dies mid-write, the previous version of the target is still intact.
 */
public final class AtomicFiles {

    /** Writes the bytes produced by {@code writer}. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with the output of {@code writer}, creating parent directories. */
    public static void write(Path target, StreamWriter writer) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try {
                try (var channel = java.nio.channels.FileChannel.open(tmp,
                        java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                     OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                    var buffered = new java.io.BufferedOutputStream(out) {
                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    };
                    writer.write(buffered);
                    buffered.flush();
                    channel.force(true);
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Atomically replaces {@code target} with {@code text} in UTF-8. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Atomically appends one line to {@code target} (rewrites the file with the line added), so a metrics log
     * is never left with a torn last line. Metrics files are small; the cost is irrelevant.
     */
    public static void appendLine(Path target, String line) {
        try {
            byte[] old = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
            byte[] add = (line + "\n").getBytes(StandardCharsets.UTF_8);
            write(target, out -> {
                out.write(old);
                out.write(add);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Atomically replaces directory-or-file {@code target} by {@code source} (same file system). */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
