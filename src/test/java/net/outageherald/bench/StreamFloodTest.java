package net.outageherald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.outageherald.testing.FakeRisLive;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.internal.ws.RealWebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's flood: a recording of a stream, written again to a real OkHttp websocket client. */
class StreamFloodTest {

    private static final List<String> SENT = List.of(
            FakeRisLive.announcement("rrc00", "192.0.2.1", 64500, 64496, List.of("198.51.100.0/24")),
            "{\"type\":\"pong\",\"data\":null}",
            FakeRisLive.withdrawal("rrc01", "2001:db8::1", List.of("2001:db8:1:0:0:0:0:0/48")));

    @TempDir
    Path dir;

    @Test
    void recordsRisMessagesWithASlotForTheTimestampAndFramesThem() throws Exception {
        StreamCapture capture = record(2);

        assertThat(capture.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            capture.stamp(i, 1_796_349_948_106L);
            String payload = payload(capture, i);
            assertThat(payload).contains("\"timestamp\":1796349948.106,");
            String original = SENT.get(i == 0 ? 0 : 2);
            assertThat(payload.replaceFirst("\"timestamp\":[0-9.]+", ""))
                    .isEqualTo(original.replaceFirst("\"timestamp\":[0-9.]+", ""));
        }
        assertThat(capture.start(2)).isEqualTo(capture.frames().length);
    }

    @Test
    void servesTheFramesToAWebsocketClientAnsweringItsPingsAndClosingCleanly() throws Exception {
        StreamCapture capture = record(2);
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger closeCode = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        OkHttpClient http = new OkHttpClient.Builder().pingInterval(Duration.ofMillis(50)).build();
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            WebSocket ws = http.newWebSocket(new Request.Builder()
                    .url("ws://127.0.0.1:" + server.getLocalPort() + "/v1/ws/?client=test").build(), new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket webSocket, Response response) {
                            webSocket.send("{\"type\":\"ris_subscribe\",\"data\":{}}");
                        }

                        @Override
                        public void onMessage(WebSocket webSocket, String text) {
                            received.add(text);
                        }

                        @Override
                        public void onClosing(WebSocket webSocket, int code, String reason) {
                            closeCode.set(code);
                            webSocket.close(1000, null);
                        }

                        @Override
                        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                            failure.set(t);
                        }
                    });
            try (FloodConnection client = FloodConnection.accept(server)) {
                assertThat(client.request()).isEqualTo("GET /v1/ws/?client=test HTTP/1.1");
                assertThat(client.awaitSubscribe(5)).isTrue();
                capture.stamp(0, 1_796_349_948_106L);
                capture.stamp(1, 1_796_349_949_007L);
                client.write(capture.frames(), 0, capture.start(2));
                await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
                // OkHttp fails the socket when a ping's pong is missing by the next ping
                await().atMost(Duration.ofSeconds(5)).until(() -> ((RealWebSocket) ws).receivedPongCount() >= 3);
                assertThat(failure.get()).isNull();
                assertThat(client.closed()).isFalse();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> closeCode.get() == 1000);
            ws.cancel();
        } finally {
            http.dispatcher().executorService().shutdown();
        }
        assertThat(received.get(0)).contains("\"timestamp\":1796349948.106,").contains("198.51.100.0/24");
        assertThat(received.get(1)).contains("\"timestamp\":1796349949.007,").contains("2001:db8:1:0:0:0:0:0/48");
    }

    private StreamCapture record(int messages) throws Exception {
        Path file = dir.resolve("capture.bin");
        try (FakeRisLive ris = new FakeRisLive()) {
            ris.onOpen = c -> SENT.forEach(c::send);
            StreamCapture.record(ris.url(), file, messages, Duration.ofSeconds(10));
        }
        return StreamCapture.load(file);
    }

    private static String payload(StreamCapture capture, int i) {
        byte[] f = capture.frames();
        int at = capture.start(i);
        assertThat(f[at] & 0xff).isEqualTo(0x81);
        int len = f[at + 1] & 0x7f;
        int header = 2;
        if (len == 126) {
            len = (f[at + 2] & 0xff) << 8 | f[at + 3] & 0xff;
            header = 4;
        }
        assertThat(capture.start(i + 1) - at).isEqualTo(header + len);
        return new String(f, at + header, len, StandardCharsets.UTF_8);
    }
}
