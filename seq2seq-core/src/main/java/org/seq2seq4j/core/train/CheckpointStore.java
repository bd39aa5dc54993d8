package org.seq2seq4j.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.seq2seq4j.core.io.AtomicFiles;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.model.Seq2SeqModel;

/**
 * The checkpoints of a run: {@code <dir>/epoch-NNNN/} directories, each complete before it is named, and two pointer
 * files {@code last} and {@code best} holding a directory name, each replaced atomically. A crash at any moment leaves
 * the previous pointers valid; directories that no pointer names are deleted after the pointers move.
 *
 * <p>A checkpoint holds the model ({@link Seq2SeqModel#save}), {@code optimizer.bin}, {@code trainer.json} and
 * whatever the caller's {@link Extras} writes (vocabularies, for example).
 */
public final class CheckpointStore {

    /** Writes caller-owned files into a checkpoint directory being built. */
    @FunctionalInterface
    public interface Extras {
        void write(Path dir) throws IOException;
    }

    public static final String LAST = "last";
    public static final String BEST = "best";
    private static final String OPTIMIZER = "optimizer.bin";
    private static final String STATE = "trainer.json";

    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    /** The checkpoint directory a pointer names, if any. */
    public Optional<Path> resolve(String pointer) {
        Path p = dir.resolve(pointer);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(p, StandardCharsets.UTF_8).trim();
            Path target = dir.resolve(name);
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException(new IOException(p + " names " + name + ", which does not exist"));
            }
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** Saves a checkpoint for a completed epoch and moves {@code last} (and {@code best} if asked) to it. */
    public Path save(Seq2SeqModel model, Optimizer optimizer, TrainerState state, boolean best, Extras extras) {
        String name = String.format("epoch-%04d", state.epoch());
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, "." + name + ".");
            model.save(tmp);
            AtomicFiles.write(tmp.resolve(OPTIMIZER), out -> optimizer.write(new DataOutputStream(out)));
            AtomicFiles.write(tmp.resolve(STATE), out -> Json.mapper().writeValue(out, state));
            extras.write(tmp);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            AtomicFiles.move(tmp, target);
            AtomicFiles.writeString(dir.resolve(LAST), name + "\n");
            if (best) {
                AtomicFiles.writeString(dir.resolve(BEST), name + "\n");
            }
            pruneUnreferenced();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** The trainer state of a checkpoint. */
    public static TrainerState readState(Path checkpoint) {
        try {
            return Json.mapper().readValue(checkpoint.resolve(STATE).toFile(), TrainerState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + checkpoint.resolve(STATE) + ": " + e.getMessage(), e);
        }
    }

    /** Restores the optimizer state of a checkpoint into {@code optimizer}. */
    public static void readOptimizer(Path checkpoint, Optimizer optimizer) {
        try (var in = new DataInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(checkpoint.resolve(OPTIMIZER))))) {
            optimizer.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + checkpoint.resolve(OPTIMIZER) + ": " + e.getMessage(), e);
        }
    }

    private void pruneUnreferenced() throws IOException {
        Set<Path> keep = new HashSet<>();
        resolve(LAST).ifPresent(keep::add);
        resolve(BEST).ifPresent(keep::add);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p) && (n.startsWith("epoch-") || n.startsWith(".epoch-")) && !keep.contains(p)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }
}
