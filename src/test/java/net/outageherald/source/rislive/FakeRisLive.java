package net.outageherald.source.rislive;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A RIS Live stand-in on 127.0.0.1: accepts every websocket, records what clients send, sends what a test says. */
final class FakeRisLive implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final MockWebServer server = new MockWebServer();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    /** What the server does when a client connects; by default nothing. */
    volatile Consumer<Connection> onOpen = c -> { };

    FakeRisLive() throws IOException {
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

    String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/v1/ws/?client=test";
    }

    List<Connection> connections() {
        return connections;
    }

    /** The {@code index}-th connection (from 0) once it is open. */
    Connection connection(int index) {
        await().atMost(WAIT).until(() -> connections.size() > index && connections.get(index).socket != null);
        return connections.get(index);
    }

    @Override
    public void close() {
        server.close();
    }

    /** One client connection, server side. */
    static final class Connection extends WebSocketListener {
        final RecordedRequest request;
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile WebSocket socket;
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

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        void send(String frame) {
            socket.send(frame);
        }

        /** The frames received once there are {@code n} of them. */
        List<String> awaitReceived(int n) {
            await().atMost(WAIT).until(() -> received.size() >= n);
            return List.copyOf(received);
        }
    }
}
