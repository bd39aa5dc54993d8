package org.seq2seq4j.data.corpus;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Streams the lines of one text file, holding one line in memory at a time.
 *
 * <ul>
 *   <li>Gzip is detected by the magic bytes {@code 1f 8b} at the start of the file, whatever the file name;
 *       concatenated gzip members are read as one stream.</li>
 *   <li>Lines end at {@code \n}; a {@code \r} before it is dropped (CRLF files). A final line without a terminator is
 *       a line; an empty file has no lines, and a file ending with {@code \n} has no empty last line.</li>
 *   <li>Each line is decoded as strict UTF-8: malformed input is reported in {@link TextLine#encodingError()}, never
 *       replaced silently, and the next line is read normally. A byte order mark at the start of the file is
 *       dropped.</li>
 * </ul>
 */
final class LineReader implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final Path file;
    private final InputStream input;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean endOfInput;
    private byte[] line = new byte[256];
    private CharBuffer chars = CharBuffer.allocate(256);
    private long lineNumber;

    private LineReader(Path file, InputStream input) {
        this.file = file;
        this.input = input;
    }

    /**
     * @param file a plain or gzip-compressed UTF-8 text file
     * @return a reader positioned before the first line
     * @throws IOException if the file cannot be opened or its gzip header is corrupt
     */
    static LineReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        try {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            InputStream input = first == 0x1f && second == 0x8b ? new GZIPInputStream(raw, BUFFER_SIZE) : raw;
            return new LineReader(file, input);
        } catch (IOException e) {
            raw.close();
            throw new IOException(file + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** @return the file being read */
    Path file() {
        return file;
    }

    /** @return the number of lines read so far */
    long linesRead() {
        return lineNumber;
    }

    /**
     * @return the next line, or {@code null} at the end of the file
     * @throws IOException if reading or gzip decompression fails; the message names the file and the line
     */
    TextLine next() throws IOException {
        int length = 0;
        boolean started = false;
        while (position < limit || fill()) {
            started = true;
            int newline = indexOfNewline();
            if (newline >= 0) {
                length = append(length, newline);
                position = newline + 1;
                return decode(length);
            }
            length = append(length, limit);
            position = limit;
        }
        return started ? decode(length) : null;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        try {
            int read = input.read(buffer, 0, buffer.length);
            if (read < 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            throw new IOException(file + ": reading failed after line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private int indexOfNewline() {
        for (int index = position; index < limit; index++) {
            if (buffer[index] == '\n') {
                return index;
            }
        }
        return -1;
    }

    private int append(int length, int end) {
        int count = end - position;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, position, line, length, count);
        return length + count;
    }

    private TextLine decode(int length) {
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (chars.capacity() < length) {
            chars = CharBuffer.allocate(Math.max(chars.capacity() * 2, length));
        }
        chars.clear();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        String text;
        String encodingError = null;
        if (result.isError()) {
            int offset = bytes.position();
            encodingError = String.format("malformed UTF-8 byte 0x%02X at byte %d of the line",
                    line[offset] & 0xff, offset + 1);
            text = new String(line, 0, length, StandardCharsets.UTF_8);
        } else {
            chars.flip();
            text = chars.toString();
        }
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new TextLine(lineNumber, text, encodingError);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
