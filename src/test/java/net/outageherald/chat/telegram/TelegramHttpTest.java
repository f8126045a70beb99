package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The bot's HTTP client keeps a connection for every send that a fan-out has in flight. */
class TelegramHttpTest {

    @Test
    void aFanOutWiderThanOkHttpsDefaultPoolFindsItsConnectionsAgainNextTime() throws Exception {
        // GIVEN a Bot API that answers only once ten sends are in flight together (ten connections)
        int wide = 10;
        CountDownLatch allIn = new CountDownLatch(wide);
        try (MockWebServer api = new MockWebServer(); TelegramHttp http = new TelegramHttp(Duration.ofSeconds(1),
                Duration.ofSeconds(10))) {
            api.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    allIn.countDown();
                    allIn.await(10, TimeUnit.SECONDS);
                    return new MockResponse.Builder().code(200).body("{\"ok\":true,\"result\":true}").build();
                }
            });
            api.start(java.net.InetAddress.getLoopbackAddress(), 0);

            // WHEN they are sent
            ExecutorService senders = Executors.newFixedThreadPool(wide);
            try {
                List<Future<Integer>> codes = new ArrayList<>();
                for (int i = 0; i < wide; i++) {
                    codes.add(senders.submit(() -> {
                        try (Response r = http.calls().newCall(new Request.Builder().url(api.url("/sendMessage"))
                                .build()).execute()) {
                            return r.code();
                        }
                    }));
                }
                for (Future<Integer> code : codes) {
                    assertThat(code.get(20, TimeUnit.SECONDS)).isEqualTo(200);
                }
            } finally {
                senders.shutdownNow();
            }

            // THEN all ten connections stay for the next fan-out (OkHttp's default pool keeps five, so every
            // burst past five would connect, and to Telegram shake hands over TLS, again)
            assertThat(allIn.getCount()).isZero();
            assertThat(http.calls().connectionPool().idleConnectionCount()).isEqualTo(wide);
        }
    }
}
