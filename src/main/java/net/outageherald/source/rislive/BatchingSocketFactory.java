package net.outageherald.source.rislive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import javax.net.SocketFactory;

/**
 * Sockets whose reads take what has arrived in batches, for the one long-lived RIS Live connection. RIS Live
 * writes each message on its own, so at 10,000 messages a second a plain blocking read wakes the reader thread
 * for every message, and half of that thread's CPU is the kernel's (a read, a wake-up, an ACK each time). Here a
 * read that found only a few messages ({@link #DRAINED}) waits {@code pause} before the next one, so that the next
 * gets whatever arrived meanwhile in one system call; reads are buffered, so that TLS's header-then-body reads
 * of each record cost no system call of their own. A full read goes on at once: a backlog is read at full
 * speed. The cost is at most {@code pause} of delay on a message, against a confirmation window of seconds.
 */
final class BatchingSocketFactory extends SocketFactory {

    /** Big enough for a TLS record (16 KB plus its header), so a record's body is mostly one read. */
    static final int BUFFER = 17 * 1024;

    /**
     * A read of less than this (a few messages) found the socket drained: the next waits. A backlog fills reads
     * far beyond it, so a stream read flat out never waits.
     */
    static final int DRAINED = 2 * 1024;

    private final long pauseNanos;

    BatchingSocketFactory(Duration pause) {
        this.pauseNanos = Math.max(0, pause.toNanos());
    }

    @Override
    public Socket createSocket() {
        return new BatchingSocket(pauseNanos);
    }

    // OkHttp asks only for the unconnected socket above; the rest of SocketFactory's contract, for completeness

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    /** A batching socket bound to {@code local} (unless null) and connected to {@code remote}. */
    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket s = createSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }

    /** A plain socket whose input stream batches; everything else is the JDK's. */
    private static final class BatchingSocket extends Socket {
        private final long pauseNanos;
        private BatchingInput in;

        BatchingSocket(long pauseNanos) {
            this.pauseNanos = pauseNanos;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BatchingInput(super.getInputStream(), pauseNanos, LockSupport::parkNanos);
            }
            return in;
        }
    }

    /** Buffered reads, each pausing first when the one before it drained what the kernel had. */
    static final class BatchingInput extends FilterInputStream {
        private final long pauseNanos;
        private final LongConsumer pause;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int end;
        private boolean drained;

        /** @param pause waits so many nanoseconds ({@code LockSupport::parkNanos}) */
        BatchingInput(InputStream raw, long pauseNanos, LongConsumer pause) {
            super(raw);
            this.pauseNanos = pauseNanos;
            this.pause = pause;
        }

        @Override
        public int read() throws IOException {
            if (pos == end && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == end && !fill()) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return end - pos + (pos == end ? in.available() : 0);
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = Math.min(n, end - pos);
            pos += (int) skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** One read from the socket into the buffer; false at its end. */
        private boolean fill() throws IOException {
            if (drained && pauseNanos > 0) {
                pause.accept(pauseNanos);
            }
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false; // a blocking socket read returns at least one byte, or -1 at the end
            }
            pos = 0;
            end = n;
            drained = n < DRAINED;
            return true;
        }
    }
}
