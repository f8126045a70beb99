package net.outageherald.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A RIS Live stand-in on 127.0.0.1: accepts every websocket, records what clients send, sends what a test says. */
public final class FakeRisLive implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(5);

    private final MockWebServer server = new MockWebServer();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    /** What the server does when a client connects; by default nothing. */
    public volatile Consumer<Connection> onOpen = c -> { };

    private final String scheme;

    public FakeRisLive() throws IOException {
        this(null);
    }

    /** @param tls the server's TLS (wss://), or null for plain ws:// */
    public FakeRisLive(SSLSocketFactory tls) throws IOException {
        scheme = tls == null ? "ws" : "wss";
        if (tls != null) {
            server.useHttps(tls);
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Connection c = new Connection(request, onOpen);
                connections.add(c);
                return new MockResponse.Builder().webSocketUpgrade(c).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String url() {
        return scheme + "://127.0.0.1:" + server.getPort() + "/v1/ws/?client=test";
    }

    public List<Connection> connections() {
        return connections;
    }

    /** The {@code index}-th connection (from 0) once it is open. */
    public Connection connection(int index) {
        await().atMost(WAIT).until(() -> connections.size() > index && connections.get(index).socket != null);
        return connections.get(index);
    }

    @Override
    public void close() {
        server.close();
    }

    /** One client connection, server side. */
    public static final class Connection extends WebSocketListener {
        public final RecordedRequest request;
        public final List<String> received = new CopyOnWriteArrayList<>();
        public volatile WebSocket socket;
        private final Consumer<Connection> hook;

        Connection(RecordedRequest request, Consumer<Connection> hook) {
            this.request = request;
            this.hook = hook;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            hook.accept(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
        }

        /** The client closed or dropped this connection. */
        public volatile boolean gone;

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            gone = true;
            webSocket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            gone = true;
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            gone = true;
        }

        public void send(String frame) {
            socket.send(frame);
        }

        /** The frames received once there are {@code n} of them. */
        public List<String> awaitReceived(int n) {
            await().atMost(WAIT).until(() -> received.size() >= n);
            return List.copyOf(received);
        }
    }

    /** A withdrawal-only update of these prefixes by one peer, in RIS Live's 2025 shape. */
    public static String withdrawal(String collector, String peer, List<String> prefixes) {
        return frame(collector, peer, "\"path\":[],\"community\":[],\"announcements\":[],\"withdrawals\":"
                + quoted(prefixes));
    }

    /** An announcement of these prefixes by one peer, through {@code upstream} to {@code origin}. */
    public static String announcement(String collector, String peer, long upstream, long origin, List<String> prefixes) {
        return frame(collector, peer, "\"path\":[64600," + upstream + "," + origin + "],\"community\":[],\"origin\":\"IGP\","
                + "\"announcements\":[{\"next_hop\":\"" + peer + "\",\"prefixes\":" + quoted(prefixes) + "}]");
    }

    /** An announcement sent now that the peer made at {@code at}: a stream running behind. */
    public static String lateAnnouncement(String collector, String peer, long upstream, long origin,
                                          List<String> prefixes, java.time.Instant at) {
        return announcement(collector, peer, upstream, origin, prefixes).replaceFirst("\"timestamp\":[0-9.]+",
                "\"timestamp\":" + String.format(java.util.Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0));
    }

    /** A RIS peer's BGP session with the collector went down. */
    public static String peerDown(String collector, String peer) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + now() + ",\"peer\":\"" + peer
                + "\",\"peer_asn\":\"64600\",\"id\":\"x\",\"host\":\"" + collector
                + ".ripe.net\",\"type\":\"RIS_PEER_STATE\",\"state\":\"down\"}}";
    }

    private static String frame(String collector, String peer, String body) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + now() + ",\"peer\":\"" + peer
                + "\",\"peer_asn\":\"64600\",\"id\":\"x\",\"host\":\"" + collector
                + ".ripe.net\",\"type\":\"UPDATE\"," + body + "}}";
    }

    /** Wall-clock seconds: the stream's lag watchdog compares message times with real time. */
    private static String now() {
        return String.format(java.util.Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0);
    }

    private static String quoted(List<String> prefixes) {
        return prefixes.stream().map(p -> "\"" + p + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
