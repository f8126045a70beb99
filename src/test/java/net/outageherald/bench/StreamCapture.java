package net.outageherald.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The replay's {@code ris_message}s, recorded once from {@code rislive-replay.js} and held as websocket text
 * frames ready to be written again by {@link StreamFlood}: the same messages, without the replay's cost of
 * making each one. Each frame has a fixed-width slot where its {@code timestamp} was, stamped at send time,
 * so that the consumer's lag watchdog sees a live stream.
 *
 * <p>File format: per message, its payload's length and the timestamp slot's offset in it (two big-endian
 * ints), then the payload (UTF-8 JSON).
 */
final class StreamCapture {

    /** {@code 1796349948.106}: ten digits of seconds, a dot, three of milliseconds. */
    static final int STAMP_WIDTH = 14;
    private static final String STAMP_KEY = "\"timestamp\":";

    private final byte[] frames;
    private final int[] start;
    private final int[] stampAt;

    private StreamCapture(byte[] frames, int[] start, int[] stampAt) {
        this.frames = frames;
        this.start = start;
        this.stampAt = stampAt;
    }

    /**
     * Subscribes to the whole stream at {@code url} and writes its first {@code messages} {@code ris_message}s
     * to {@code out}.
     */
    static void record(String url, Path out, int messages, Duration timeout) throws IOException, InterruptedException {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] count = {0};
        // written beside it and moved into place only when whole: a short capture is never taken for a good one
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (DataOutputStream file = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20))) {
            WebSocket ws = http.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
                @Override
                public void onOpen(WebSocket webSocket, Response response) {
                    webSocket.send("{\"type\":\"ris_subscribe\",\"data\":{\"type\":\"UPDATE\"}}");
                }

                @Override
                public void onMessage(WebSocket webSocket, String text) {
                    if (count[0] >= messages || !text.startsWith("{\"type\":\"ris_message\"")) {
                        return;
                    }
                    int at = text.indexOf(STAMP_KEY);
                    int end = at < 0 ? -1 : text.indexOf(',', at);
                    if (end < 0) {
                        return;
                    }
                    String before = text.substring(0, at + STAMP_KEY.length());
                    byte[] head = before.getBytes(StandardCharsets.UTF_8);
                    byte[] payload = (before + "0".repeat(10) + ".000" + text.substring(end))
                            .getBytes(StandardCharsets.UTF_8);
                    try {
                        file.writeInt(payload.length);
                        file.writeInt(head.length);
                        file.write(payload);
                    } catch (IOException e) {
                        failure.set(e);
                        done.countDown();
                        return;
                    }
                    if (++count[0] == messages) {
                        webSocket.close(1000, "recorded");
                        done.countDown();
                    }
                }

                @Override
                public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                    failure.compareAndSet(null, t);
                    done.countDown();
                }

                @Override
                public void onClosing(WebSocket webSocket, int code, String reason) {
                    done.countDown();
                }
            });
            boolean finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ws.cancel();
            if (failure.get() != null && count[0] < messages) {
                throw new IOException("recording from " + url + " failed after " + count[0] + " messages", failure.get());
            }
            if (!finished || count[0] < messages) {
                throw new IOException("recorded only " + count[0] + " of " + messages + " messages from " + url
                        + " within " + timeout.toSeconds() + " s: give the replay a longer --duration");
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a recording into one array of server-to-client text frames (unmasked), in two passes over it. */
    static StreamCapture load(Path file) throws IOException {
        int[] lengths = new int[1 << 16];
        int[] stamps = new int[lengths.length];
        int n = 0;
        long total = 0;
        try (DataInputStream in = open(file)) {
            while (true) {
                int len;
                try {
                    len = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                if (n == lengths.length) {
                    lengths = Arrays.copyOf(lengths, n * 2);
                    stamps = Arrays.copyOf(stamps, n * 2);
                }
                lengths[n] = len;
                stamps[n] = in.readInt();
                in.skipNBytes(len);
                total += header(len) + len;
                n++;
            }
        }
        if (n == 0 || total > Integer.MAX_VALUE - 16) {
            throw new IOException(file + " holds " + n + " messages (" + total + " bytes): record between 1 message"
                    + " and 2 GB");
        }
        byte[] frames = new byte[(int) total];
        int[] start = new int[n + 1];
        int[] stampAt = new int[n];
        int p = 0;
        try (DataInputStream in = open(file)) {
            for (int i = 0; i < n; i++) {
                start[i] = p;
                int len = lengths[i];
                frames[p++] = (byte) 0x81; // FIN, text
                if (len < 126) {
                    frames[p++] = (byte) len;
                } else if (len < 65536) {
                    frames[p++] = 126;
                    frames[p++] = (byte) (len >>> 8);
                    frames[p++] = (byte) len;
                } else {
                    frames[p++] = 127;
                    for (int s = 56; s >= 0; s -= 8) {
                        frames[p++] = (byte) ((long) len >>> s);
                    }
                }
                stampAt[i] = p + stamps[i];
                in.readInt();
                in.readInt();
                in.readFully(frames, p, len);
                p += len;
            }
        }
        start[n] = p;
        return new StreamCapture(frames, start, stampAt);
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20));
    }

    private static int header(int len) {
        return len < 126 ? 2 : len < 65536 ? 4 : 10;
    }

    int size() {
        return stampAt.length;
    }

    byte[] frames() {
        return frames;
    }

    /** Offset of message {@code i}'s frame in {@link #frames()}; {@code i == size()} gives the end. */
    int start(int i) {
        return start[i];
    }

    /** Writes {@code epochMillis} into message {@code i}'s timestamp slot. */
    void stamp(int i, long epochMillis) {
        int p = stampAt[i];
        long s = epochMillis / 1000;
        for (int k = 9; k >= 0; k--) {
            frames[p + k] = (byte) ('0' + s % 10);
            s /= 10;
        }
        int ms = (int) (epochMillis % 1000);
        frames[p + 11] = (byte) ('0' + ms / 100);
        frames[p + 12] = (byte) ('0' + ms / 10 % 10);
        frames[p + 13] = (byte) ('0' + ms % 10);
    }
}
