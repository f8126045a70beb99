package net.outageherald.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.outageherald.chat.console.ConsoleSender;
import net.outageherald.detect.Detector;
import net.outageherald.detect.Resolved;
import net.outageherald.detect.TableJudge;
import net.outageherald.detect.TargetInfo;
import net.outageherald.detect.WatchedPrefixes;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import net.outageherald.nflog.NotificationLog;
import net.outageherald.notify.Notifier;
import net.outageherald.notify.message.EventMessages;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import net.outageherald.routing.RoutingTable;
import net.outageherald.routing.StreamFeed;
import net.outageherald.schedule.ManualClock;
import net.outageherald.source.rislive.CaptureReader;
import net.outageherald.source.rislive.PeerState;
import net.outageherald.source.rislive.RisMessage;
import net.outageherald.source.rislive.RouteUpdate;
import net.outageherald.source.rislive.StreamState;
import net.outageherald.store.Database;
import net.outageherald.store.NotificationLogRepository;
import net.outageherald.store.TargetRepository;
import net.outageherald.subscribe.SubscriptionService;

/**
 * Feeds a recorded RIS Live capture through the service's own routing table, detection and messages, on
 * the capture's clock, and prints every message the service would have sent. The watch list resolves from
 * the capture itself, the database is a scratch file, nothing is sent anywhere.
 */
final class Replay {

    /** Capture time between judging rounds; the service judges at least this often while changes wait. */
    static final Duration ROUND = Duration.ofSeconds(1);

    /** What a replay did. */
    record Summary(long messages, long badLines, int messagesTold, Instant first, Instant last) {
    }

    private final HeraldConfig config;
    private final List<Target> targets;
    private final double speed;
    private final PrintStream out;

    /** @param speed capture seconds per real second; 0 or less for as fast as it can */
    Replay(HeraldConfig config, List<Target> targets, double speed, PrintStream out) {
        this.config = config;
        this.targets = List.copyOf(targets);
        this.speed = speed;
        this.out = out;
    }

    Summary run(Path capture, Path scratch) throws IOException, InterruptedException {
        CaptureIndex index = CaptureIndex.of(capture);
        if (index.first == null) {
            throw new IllegalArgumentException(capture + " holds no RIS Live message; record one as the README shows");
        }
        if (index.withdrawals == 0) {
            out.println("note: the capture holds no withdrawal, so it can show no outage; a capture filtered on an"
                    + " AS path misses withdrawals (they carry no path): record with a prefix filter");
        }
        ManualClock clock = new ManualClock(index.first);
        try (Database db = Database.open("jdbc:sqlite:" + scratch.resolve("replay.db")
                + "?synchronous=OFF&journal_mode=MEMORY", null, null, 2)) {
            RoutingTable table = new RoutingTable();
            StreamFeed feed = new StreamFeed(table, clock, Duration.ofDays(365), () -> { });
            feed.onStreamState(StreamState.LIVE, "replaying " + capture.getFileName());
            List<Resolved> resolved = resolve(db, index, clock.instant());
            WatchedPrefixes watched = new WatchedPrefixes(() -> resolved, List.of(table::watch));
            watched.run();
            index.forEachHeld(h -> table.announce(h.collector(), h.peer(), h.prefix(), 0, 0, index.first));
            NotificationLog told = new NotificationLogRepository();
            SubscriptionService subscriptions = new SubscriptionService(db, told, 0, clock);
            CountingConsole console = new CountingConsole(out);
            Notifier notifier = new Notifier(config.notifications().withConsoleEnabled(true), db, new EventMessages(),
                    List.of(console), told, subscriptions, new SimpleMeterRegistry(), clock);
            Detector detector = new Detector(config.detection(), db, notifier.sink(), clock);
            TableJudge judge = new TableJudge(table, watched, detector, config.detection(),
                    p -> feed.dataTime(p, true), clock);
            long bad = feed(capture, feed, judge, notifier, clock);
            // let what waits for confirmation after the last message be decided, as the service would
            Instant end = index.last.plus(config.detection().confirmFor()).plus(Duration.ofMinutes(1));
            roundsUntil(end, judge, notifier, clock);
            return new Summary(index.messages, bad, console.count(), index.first, index.last);
        }
    }

    private long feed(Path capture, StreamFeed feed, TableJudge judge, Notifier notifier, ManualClock clock)
            throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        Instant start = clock.instant();
        nextRound = start;
        try (CaptureReader reader = CaptureReader.open(capture)) {
            for (RisMessage m; (m = reader.read()) != null; ) {
                pace(start, m.timestamp(), startNanos);
                roundsUntil(m.timestamp(), judge, notifier, clock);
                clock.advanceTo(m.timestamp());
                if (m instanceof RouteUpdate u) {
                    feed.onUpdate(u);
                } else if (m instanceof PeerState s) {
                    feed.onPeerState(s);
                }
                // the service judges a change within moments; a second of capture time stands for that
                Instant soon = m.timestamp().plus(ROUND);
                nextRound = soon.isBefore(nextRound) ? soon : nextRound;
            }
            return reader.badLineCount();
        }
    }

    private Instant nextRound;

    /**
     * Runs the judging rounds due before {@code until}, each at its own time: when the table changed, when a
     * confirmation falls due, and every half minute, as the service's loop does; quiet stretches are skipped.
     */
    private void roundsUntil(Instant until, TableJudge judge, Notifier notifier, ManualClock clock) {
        while (!until.isBefore(nextRound)) {
            clock.advanceTo(nextRound);
            Instant due = judge.round();
            notifier.drainOnce();
            Instant floor = clock.instant().plus(Duration.ofMillis(1));
            nextRound = due.isAfter(floor) ? due : clock.instant().plus(ROUND);
        }
    }

    /** Sleeps so that capture time runs {@code speed} times as fast as real time. */
    private void pace(Instant start, Instant at, long startNanos) throws InterruptedException {
        if (speed <= 0) {
            return;
        }
        long dueNanos = (long) (Duration.between(start, at).toNanos() / speed);
        long waitMillis = (dueNanos - (System.nanoTime() - startNanos)) / 1_000_000;
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
    }

    private List<Resolved> resolve(Database db, CaptureIndex index, Instant now) {
        TargetRepository repo = new TargetRepository();
        List<Resolved> watched = new ArrayList<>();
        for (Target t : targets) {
            List<Prefix> prefixes = index.prefixesOf(t);
            if (prefixes.isEmpty()) {
                out.println("note: the capture holds no prefix of " + t.key() + "; it is not judged");
            }
            db.inTransaction(tx -> {
                repo.saveResolution(tx, t.key(), t.label(), null, prefixes, now, now);
                return null;
            });
            String evidence = "https://stat.ripe.net/app/launchpad/" + t.key();
            watched.add(new Resolved(t, new TargetInfo(t.key(), t.label(), null, evidence), prefixes, true));
        }
        return watched;
    }

    /** The console, counting what it printed. */
    private static final class CountingConsole implements Sender {
        private final ConsoleSender console;
        private int count;

        CountingConsole(PrintStream out) {
            this.console = new ConsoleSender(out);
        }

        @Override
        public Platform platform() {
            return console.platform();
        }

        @Override
        public SendResult send(Delivery d) {
            count++;
            return console.send(d);
        }

        int count() {
            return count;
        }
    }
}
