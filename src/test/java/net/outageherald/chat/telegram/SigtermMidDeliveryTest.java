package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.notify.Notifier;
import net.outageherald.notify.message.EventMessages;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import net.outageherald.store.Database;
import net.outageherald.testing.HeraldProcess;
import net.outageherald.testing.StoredOutage;
import net.outageherald.testing.WiredNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the real service in the middle of a fan-out to Telegram: it stops cleanly, loses nothing (what
 * was not sent stays in the outbox), and the next start delivers the rest, each chat getting its message once.
 */
class SigtermMidDeliveryTest {

    private static final int CHATS = 60;

    @TempDir
    Path dir;

    @Test
    void pendingMessagesSurviveAStopAndAreDeliveredOnTheNextStartExactlyOnce() throws Exception {
        seedAnOutageFannedOutTo(dir.resolve("herald.db"), CHATS);
        Path config = childConfig(dir, "");
        try (FakeBotApi api = new FakeBotApi()) {
            // a slow platform, so the stop falls in the middle of the fan-out
            Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
            api.on("sendmessage", body -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                received.computeIfAbsent(body.path("chat_id").asText(), k -> new AtomicInteger()).incrementAndGet();
                return FakeBotApi.ok(TelegramJson.sentMessage(1, body));
            });
            Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                    "HERALD_TELEGRAM_API_URL", api.url().toString());

            // WHEN the service is stopped with SIGTERM after some messages went out
            try (HeraldProcess first = HeraldProcess.run(dir, config, env)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 5);
                first.sigterm();
                // THEN it stops cleanly, and some messages are still waiting
                assertThat(first.exitCode(Duration.ofSeconds(30))).as(first.output()).isZero();
            }
            int beforeRestart = received.size();
            assertThat(beforeRestart).isLessThan(CHATS);

            // WHEN it starts again
            try (HeraldProcess second = HeraldProcess.run(dir, config, env)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == CHATS);
                second.sigterm();
                assertThat(second.exitCode(Duration.ofSeconds(30))).as(second.output()).isZero();
            }
            // THEN every chat got its message, none twice: sends in flight at the stop were finished and recorded
            assertThat(received).hasSize(CHATS);
            assertThat(received.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        }
    }

    /**
     * A config for a child process on {@code dir}/herald.yaml's database, no console, RIPEstat out of reach
     * (only delivery matters here), plus {@code extra} YAML.
     */
    static Path childConfig(Path dir, String extra) throws java.io.IOException {
        return Files.writeString(dir.resolve("herald.yaml"), """
                notify:
                  console: false
                ripestat:
                  url: http://127.0.0.1:9
                  max-attempts: 1
                database:
                  url: jdbc:sqlite:%s
                """.formatted(dir.resolve("herald.db")) + extra);
    }

    /** Subscribes the chats and stores an outage the way the detector does, so its messages wait in the outbox. */
    static void seedAnOutageFannedOutTo(Path file, int chats) {
        Sender unused = new Sender() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(net.outageherald.model.Delivery delivery) {
                throw new AssertionError("the seeding process never sends");
            }
        };
        NotifyConfig config = NotifyConfig.defaults().withConsoleEnabled(false);
        try (Database db = Database.open("jdbc:sqlite:" + file, null, null, 2)) {
            WiredNotifier wired = WiredNotifier.wire(config, db, new EventMessages(), List.of(unused),
                    new SimpleMeterRegistry(), Clock.systemUTC());
            Notifier notifier = wired.notifier();
            for (int i = 1; i <= chats; i++) {
                wired.subscriptions().subscribe(new Destination(Platform.TELEGRAM, String.valueOf(1000 + i)),
                        new Target.As(64500));
            }
            StoredOutage.of("AS64500", Instant.now()).named("AS64500 EXAMPLE").store(db, notifier.sink());
        }
    }
}
