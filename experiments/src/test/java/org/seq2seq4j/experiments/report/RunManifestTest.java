package org.seq2seq4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {

    /** {@code printf 'abc\n' | sha256sum} */
    private static final String SHA256_ABC_NEWLINE = "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb";
    /** {@code sha256sum < /dev/null} */
    private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    @Test
    void sha256OfLinesHashesEachLineWithANewline() {
        assertEquals(SHA256_ABC_NEWLINE, RunManifest.sha256(List.of("abc")));
        assertEquals(SHA256_EMPTY, RunManifest.sha256(List.<String>of()));
    }

    @Test
    void sha256OfAFileEqualsSha256OfItsLines() throws IOException {
        List<String> lines = List.of("12+34", "46", "ünïcode");
        Path file = Files.write(dir.resolve("train.txt"), lines);

        assertEquals(RunManifest.sha256(lines), RunManifest.sha256(file));
    }

    @Test
    void hashFilesKeysByFileName() throws IOException {
        Path file = Files.writeString(dir.resolve("dev.txt"), "abc\n");

        assertEquals(Map.of("dev.txt", SHA256_ABC_NEWLINE), RunManifest.hashFiles(List.of(file)));
    }

    @Test
    void hashFilesRejectsTwoFilesWithTheSameName() throws IOException {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("train.txt"), "1\n");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("train.txt"), "2\n");

        assertThrows(IllegalArgumentException.class, () -> RunManifest.hashFiles(List.of(a, b)));
    }

    @Test
    void manifestJsonRecordsSeedHashesVersionsAndTimes() throws IOException {
        RunManifest started = RunManifest.start(1234567L, Map.of("train.txt", SHA256_ABC_NEWLINE),
                List.of("train", "--config", "addition.json"));

        Path file = started.write(dir);
        String json = Files.readString(file);

        assertEquals(dir.resolve("manifest.json"), file);
        assertTrue(json.contains("\"seed\" : 1234567"), json);
        assertTrue(json.contains("\"train.txt\" : \"" + SHA256_ABC_NEWLINE + "\""), json);
        assertTrue(json.contains("\"startedAt\" : \"" + started.startedAt() + "\""), json);
        assertTrue(json.contains("\"finishedAt\" : \"running\""), json);
        assertTrue(json.contains("\"toolkit\" : \"seq2seq4j\""), json);
        assertTrue(json.contains("\"dl4jVersion\" : \"1.0.0-M2.1\""), json);
        assertFalse(json.contains("${"), json);
        assertFalse(json.contains("null"), json);
        assertEquals(started, RunManifest.read(file));

        RunManifest finished = started.finish();
        finished.write(dir);
        RunManifest reread = RunManifest.read(file);

        assertEquals(finished, reread);
        assertTrue(reread.hasFinished());
        assertFalse(Instant.parse(reread.finishedAt()).isBefore(Instant.parse(reread.startedAt())));
        assertTrue(Files.readString(file).contains("\"finishedAt\" : \"" + finished.finishedAt() + "\""));
    }

    @Test
    void startCapturesEnvironmentAndGitRevision() {
        RunManifest manifest = RunManifest.start(1L, Map.of(), List.of());

        assertEquals(Runtime.getRuntime().availableProcessors(), manifest.environment().availableProcessors());
        assertEquals(System.getProperty("java.version"), manifest.environment().javaVersion());
        assertFalse(manifest.environment().nd4jBackend().isBlank());
        assertTrue(manifest.gitCommit().matches("[0-9a-f]{40}(-dirty)?|unknown"), manifest.gitCommit());
        assertFalse(manifest.hasFinished());
    }

    @Test
    void finishingTwiceIsRejected() {
        RunManifest finished = RunManifest.start(1L, Map.of(), List.of()).finish();

        assertThrows(IllegalStateException.class, finished::finish);
    }

    @Test
    void finishBeforeStartIsRejected() {
        RunManifest started = RunManifest.start(1L, Map.of(), List.of());
        Instant beforeStart = Instant.parse(started.startedAt()).minusSeconds(1);

        assertThrows(IllegalArgumentException.class, () -> started.finish(beforeStart));
    }

    @Test
    void rejectsAHashThatIsNotSha256Hex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunManifest.start(1L, Map.of("train.txt", "ABC"), List.of()));

        assertTrue(e.getMessage().contains("train.txt"), e.getMessage());
    }

    @Test
    void readNamesTheFileOfAnInvalidManifest() throws IOException {
        Path file = Files.writeString(dir.resolve(RunManifest.FILE_NAME), """
                {"schemaVersion": 1, "seed": "not a number"}
                """);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunManifest.read(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void gitRevisionIsUnknownOutsideARepository() {
        assertEquals(GitRevision.UNKNOWN, GitRevision.of(dir));
    }
}
