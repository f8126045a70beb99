package net.outageherald.notify;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.outageherald.chat.console.ConsoleSender;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.store.Database;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.RecordingSender;
import net.outageherald.testing.StoredOutage;
import net.outageherald.testing.WiredNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The started workers, on the system clock: woken by new events, stopping cleanly. */
class NotifierThreadsTest {

    @TempDir
    Path dir;

    @Test
    void startedWorkersDeliverNewEventsToEveryPlatformWithoutBeingAsked() {
        // GIVEN started workers for Telegram and the console
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RecordingSender telegram = new RecordingSender(Platform.TELEGRAM);
        NotifyConfig config = NotifyConfig.defaults().withPollInterval(Duration.ofMinutes(10));
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 4)) {
            WiredNotifier wired = WiredNotifier.wire(config, db, new FakeMessages(),
                    List.of(telegram, new ConsoleSender(new PrintStream(console, true, StandardCharsets.UTF_8))),
                    new SimpleMeterRegistry(), Clock.systemUTC());
            Notifier n = wired.notifier();
            for (int i = 1; i <= 40; i++) {
                wired.subscriptions().subscribe(tg(String.valueOf(i)), new Target.As(1));
            }
            n.start();
            try {
                // WHEN an outage is stored (the long poll interval means only the commit wakes them)
                StoredOutage.of("AS1", Instant.now()).store(db, n.sink());

                // THEN every chat and the console hear of it soon
                await().atMost(Duration.ofSeconds(20)).until(() -> telegram.delivered().size() == 40);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> console.toString(StandardCharsets.UTF_8).contains("OUTAGE_STARTED AS1"));
            } finally {
                n.stop();
            }
            assertThat(n.pending()).isEmpty();
        }
    }
}
