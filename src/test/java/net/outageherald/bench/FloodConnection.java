package net.outageherald.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server side of one websocket for {@link StreamFlood}: the upgrade handshake, then a reader thread for
 * the client's frames (its first text frame, the {@code ris_subscribe}, starts the flood; pings get pongs; a
 * close ends it), and writes of ready-made frames, which pongs never split. Not MockWebServer's websocket:
 * that one frames and queues each message on its own, the very per-message cost the flood leaves out.
 */
final class FloodConnection implements AutoCloseable {

    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Socket socket;
    private final OutputStream out;
    private final String request;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean closed;
    private volatile boolean closeSent;
    private volatile int closeCode = -1;

    private FloodConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        this.request = handshake(in, out);
        this.reader = new Thread(() -> readClient(in), "flood-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for one client on {@code server} and answers its websocket upgrade. */
    static FloodConnection accept(ServerSocket server) throws IOException {
        return new FloodConnection(server.accept());
    }

    /** The client's request line, e.g. {@code GET /v1/ws/?client=... HTTP/1.1}. */
    String request() {
        return request;
    }

    boolean awaitSubscribe(long seconds) throws InterruptedException {
        return subscribed.await(seconds, TimeUnit.SECONDS);
    }

    /** Whether the client closed the websocket or the connection ended. */
    boolean closed() {
        return closed;
    }

    /** The client's close code, or -1 while it sent none. */
    int closeCode() {
        return closeCode;
    }

    void write(byte[] frames, int from, int len) throws IOException {
        synchronized (out) {
            out.write(frames, from, len);
        }
    }

    /** Sends a close frame (1000), waits a little for the client's, and closes the socket. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (!closed) {
                closeSent = true;
                write(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE8}, 0, 4);
                reader.join(5000);
            }
        } catch (IOException gone) {
            // the client went first
        } finally {
            socket.close();
        }
    }

    private void readClient(InputStream raw) {
        DataInputStream in = new DataInputStream(raw);
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
                byte[] payload = in.readNBytes((int) len);
                for (int k = 0; k < payload.length; k++) {
                    payload[k] ^= mask[k & 3];
                }
                switch (b0 & 0x0f) {
                    case 0x1 -> subscribed.countDown();
                    case 0x9 -> {
                        byte[] pong = new byte[payload.length + 2];
                        pong[0] = (byte) 0x8A;
                        pong[1] = (byte) payload.length; // control frames carry at most 125 bytes
                        System.arraycopy(payload, 0, pong, 2, payload.length);
                        write(pong, 0, pong.length);
                    }
                    case 0x8 -> {
                        closeCode = payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
                        closed = true;
                        if (!closeSent) {
                            // RFC 6455 5.5.1: the close is answered, with the client's code
                            write(new byte[] {(byte) 0x88, 2, (byte) (closeCode >> 8), (byte) closeCode}, 0, 4);
                        }
                        return;
                    }
                    default -> {
                        // pong, continuation: nothing to do
                    }
                }
            }
        } catch (IOException e) {
            closed = true;
        }
    }

    private static String handshake(InputStream in, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4) {
            int c = in.read();
            if (c < 0 || head.length() > 16_384) {
                throw new IOException("no websocket upgrade request from the client");
            }
            head.append((char) c);
        }
        String key = null;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
                key = line.substring(18).trim();
            }
        }
        if (key == null) {
            throw new IOException("the client's request has no Sec-WebSocket-Key: " + head);
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return head.substring(0, head.indexOf("\r\n"));
    }
}
