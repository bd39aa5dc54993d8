package org.seq2seq4j.data.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes tiny corpus files for tests and reads corpora back. */
final class CorpusFixtures {

    /** Bytes that are not valid UTF-8: a Latin-1 {@code é}. */
    static final byte[] LATIN1_E_ACUTE = {(byte) 0xE9};

    private CorpusFixtures() {
    }

    static Path write(Path file, String content) throws IOException {
        return Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeGzip(Path file, String content) throws IOException {
        return Files.write(file, gzip(content.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Concatenates UTF-8 text parts and raw byte parts. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** Reads every pair of the corpus, closing the reader. */
    static List<TextPair> readAll(CorpusFormat format) throws IOException {
        try (TextPairReader reader = format.open()) {
            List<TextPair> pairs = new ArrayList<>();
            reader.forEachRemaining(pairs::add);
            return pairs;
        }
    }

    /** Reads the whole corpus and returns the reader's final statistics. */
    static ReadStatistics statistics(CorpusFormat format) throws IOException {
        try (TextPairReader reader = format.open()) {
            reader.forEachRemaining(pair -> { });
            return reader.statistics();
        }
    }
}
