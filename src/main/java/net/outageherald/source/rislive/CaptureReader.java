package net.outageherald.source.rislive;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Reads a recorded RIS Live stream for replays and tests: one JSON object per line, either the websocket's
 * {@code {"type":"ris_message","data":{...}}} (as {@code curl} saves the HTTP stream) or just the
 * {@code data} object, plain or gzip-compressed (recognised by its first bytes, whatever the file is called).
 * It gives the {@link RisMessage}s in file order; a line that cannot be read is counted and skipped, and
 * the first {@value #KEPT_BAD_LINES} are kept with their line numbers for the report. Not thread-safe.
 */
public final class CaptureReader implements Closeable, Iterable<RisMessage> {

    /** Bad lines kept with their reason; more are only counted. */
    public static final int KEPT_BAD_LINES = 100;

    private final BufferedReader in;
    private final RisMessageParser parser;
    private final List<BadLine> badLines = new ArrayList<>();
    private long lineNumber;
    private long badLineCount;
    private long skipped;
    private RisMessage next;
    private boolean iterated;

    /** A line that could not be read, and why. */
    public record BadLine(long line, String reason) {
    }

    /** Reads {@code in} (UTF-8 text; gzip is undone when it starts like gzip). */
    public CaptureReader(InputStream in, RisMessageParser parser) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        InputStream text = isGzip(buffered) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        this.in = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
        this.parser = parser;
    }

    public static CaptureReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new CaptureReader(in, new RisMessageParser());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The next message, or null at the end of the file. */
    public RisMessage read() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            RisEvent event = parser.parse(line);
            if (event instanceof RisMessage m) {
                return m;
            }
            if (event instanceof RisEvent.Unparseable u) {
                bad(u.reason());
            } else {
                skipped++; // well-formed, but no ris_message: an error, a pong, a type we do not know
            }
        }
        return null;
    }

    /** The messages as a stream; an {@link IOException} while reading becomes an {@link UncheckedIOException}. */
    public Stream<RisMessage> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Iterates once over the rest of the file. */
    @Override
    public Iterator<RisMessage> iterator() {
        if (iterated) {
            throw new IllegalStateException("a capture can be read only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = read();
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading the capture at line " + lineNumber, e);
                    }
                }
                return next != null;
            }

            @Override
            public RisMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RisMessage m = next;
                next = null;
                return m;
            }
        };
    }

    /** Lines read so far, blank ones included. */
    public long lines() {
        return lineNumber;
    }

    /** Lines that could not be read. */
    public long badLineCount() {
        return badLineCount;
    }

    /** The first {@value #KEPT_BAD_LINES} of them, with line numbers. */
    public List<BadLine> badLines() {
        return List.copyOf(badLines);
    }

    /** Well-formed lines that are not {@code ris_message}s ({@code ris_error}, pong, unknown types). */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void bad(String reason) {
        badLineCount++;
        if (badLines.size() < KEPT_BAD_LINES) {
            badLines.add(new BadLine(lineNumber, reason));
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }
}
