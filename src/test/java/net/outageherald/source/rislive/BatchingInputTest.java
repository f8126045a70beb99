package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchingInputTest {

    /** A socket stand-in: each read returns the next chunk (at most what is asked), then the end. */
    private static final class Chunks extends InputStream {
        final Deque<byte[]> chunks = new ArrayDeque<>();
        final List<String> log;
        int reads;

        Chunks(List<String> log, int... sizes) {
            this.log = log;
            byte b = 0;
            for (int size : sizes) {
                byte[] c = new byte[size];
                for (int i = 0; i < size; i++) {
                    c[i] = b++;
                }
                chunks.add(c);
            }
        }

        @Override
        public int read() {
            throw new AssertionError("single-byte reads from the socket would be one system call each");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            reads++;
            byte[] c = chunks.poll();
            if (c == null) {
                log.add("end");
                return -1;
            }
            assertThat(c.length).isLessThanOrEqualTo(len);
            System.arraycopy(c, 0, b, off, c.length);
            log.add("read " + c.length);
            return c.length;
        }
    }

    @Test
    void aReadThatDrainedTheSocketWaitsBeforeTheNextAndAFullOneDoesNot() throws IOException {
        List<String> log = new ArrayList<>();
        int half = BatchingSocketFactory.DRAINED;
        Chunks socket = new Chunks(log, 300, half, 40, 700);
        BatchingSocketFactory.BatchingInput in = new BatchingSocketFactory.BatchingInput(socket, 1_000_000,
                nanos -> log.add("pause " + nanos));

        byte[] all = in.readAllBytes();

        assertThat(log).containsExactly("read 300", "pause 1000000", "read " + half, "read 40", "pause 1000000",
                "read 700", "pause 1000000", "end");
        assertThat(all).hasSize(300 + half + 40 + 700);
        for (int i = 0; i < all.length; i++) {
            assertThat(all[i]).isEqualTo((byte) i);
        }
    }

    @Test
    void smallExactReadsAsTlsMakesThemAreServedFromOneSocketRead() throws IOException {
        List<String> log = new ArrayList<>();
        Chunks socket = new Chunks(log, 5 + 200 + 5 + 300); // two TLS records that arrived together
        BatchingSocketFactory.BatchingInput in = new BatchingSocketFactory.BatchingInput(socket, 0, nanos -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[300];

        for (int len : new int[] {5, 200, 5, 300}) {
            int n = in.readNBytes(b, 0, len);
            assertThat(n).isEqualTo(len);
            out.write(b, 0, n);
        }
        int first = in.read();

        assertThat(socket.reads).isEqualTo(2); // one for the records, one that finds the end
        assertThat(first).isEqualTo(-1);
        assertThat(out.toByteArray()).hasSize(510);
        assertThat(in.available()).isZero();
    }

    @Test
    void noPauseConfiguredMeansNone() throws IOException {
        List<String> log = new ArrayList<>();
        BatchingSocketFactory.BatchingInput in = new BatchingSocketFactory.BatchingInput(new Chunks(log, 10, 10), 0,
                nanos -> log.add("pause"));

        assertThat(in.readAllBytes()).hasSize(20);
        assertThat(log).doesNotContain("pause");
    }
}
