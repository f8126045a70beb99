package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.outageherald.testing.HeraldProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops that cannot finish in time: a Telegram send in flight that the platform never answers. The stop
 * waits for it only up to {@code shutdown.timeout} (exit 5), and a second SIGTERM exits at once (143).
 */
class StopTimeoutTest {

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private FakeBotApi api;
    private HeraldProcess herald;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi();
        api.on("sendmessage", body -> {
            try {
                release.await(60, TimeUnit.SECONDS); // a platform that hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeBotApi.ok(TelegramJson.sentMessage(1, body));
        });
        SigtermMidDeliveryTest.seedAnOutageFannedOutTo(dir.resolve("herald.db"), 3);
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        if (herald != null) {
            herald.close();
        }
        api.close();
    }

    private void start(String shutdownTimeout) throws Exception {
        Path config = SigtermMidDeliveryTest.childConfig(dir, "shutdown:\n  timeout: " + shutdownTimeout + "\n");
        herald = HeraldProcess.run(dir, config, Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                "HERALD_TELEGRAM_API_URL", api.url().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.calls("sendmessage").isEmpty());
    }

    @Test
    void aStopThatOutrunsShutdownTimeoutExitsWithFive() throws Exception {
        // GIVEN a send that the platform never answers
        start("1s");
        // WHEN the service is sent SIGTERM
        herald.sigterm();
        // THEN it gives up waiting after shutdown.timeout and says so with exit code 5
        assertThat(herald.exitCode(Duration.ofSeconds(20))).as(herald.output()).isEqualTo(5);
        assertThat(herald.stderr()).contains("Still running after 1s: message delivery or a chat connection",
                "The stop took longer than shutdown.timeout (1s)");
    }

    @Test
    void aSecondSigtermExitsAtOnceWith143() throws Exception {
        // GIVEN a stop that would wait up to a minute for the hanging send
        start("1m");
        herald.sigterm();
        await().atMost(Duration.ofSeconds(10)).until(() -> herald.stderr().contains("SIGTERM received: stopping"));
        // WHEN a second SIGTERM follows
        long sent = System.nanoTime();
        herald.sigterm();
        // THEN it exits at once, with 128 + 15
        assertThat(herald.exitCode(Duration.ofSeconds(10))).as(herald.output()).isEqualTo(143);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        assertThat(herald.stderr()).contains("SIGTERM received again: exiting now");
    }
}
