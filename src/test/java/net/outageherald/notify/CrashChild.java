package net.outageherald.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.outbox.NotifyConfig;
import net.outageherald.store.Database;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.HttpTestSender;
import net.outageherald.testing.StoredOutage;
import net.outageherald.testing.WiredNotifier;

/**
 * The process {@link CrashSafetyTest} kills: {@code <db file> <port> fanout|resume <destinations> <concurrency>}.
 * "fanout" subscribes the destinations and stores an outage; both modes then deliver until the outbox is
 * empty and exit 0.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int port = Integer.parseInt(args[1]);
        boolean fanOut = args[2].equals("fanout");
        int destinations = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        NotifyConfig config = NotifyConfig.defaults().withConsoleEnabled(false)
                .withPlatform(Platform.TELEGRAM, NotifyConfig.PlatformLimits.unlimited(concurrency));
        try (Database db = Database.open("jdbc:sqlite:" + file, null, null, concurrency + 2)) {
            WiredNotifier wired = WiredNotifier.wire(config, db, new FakeMessages(),
                    List.of(new HttpTestSender(Platform.TELEGRAM, port)), new SimpleMeterRegistry(), Clock.systemUTC());
            Notifier notifier = wired.notifier();
            if (fanOut) {
                for (int i = 1; i <= destinations; i++) {
                    wired.subscriptions().subscribe(new Destination(Platform.TELEGRAM, String.valueOf(i)),
                            new Target.As(1));
                }
                StoredOutage.of("AS1", Instant.now()).store(db, notifier.sink());
            }
            notifier.start();
            while (!notifier.pending().isEmpty()) {
                Thread.sleep(50);
            }
            notifier.stop();
        }
        System.exit(0);
    }
}
