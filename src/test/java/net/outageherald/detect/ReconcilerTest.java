package net.outageherald.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.outageherald.model.Prefix;
import net.outageherald.routing.RoutingTable;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** How the looking glass's budget is spent: no prefix asked for twice at once, none that fails takes it all. */
class ReconcilerTest {

    private static final Instant T0 = Instant.parse("2014-12-22T16:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final RoutingTable table = new RoutingTable();
    private final Set<Prefix> broken = new HashSet<>();
    private final List<Prefix> asked = new ArrayList<>();
    private final RoutingSource lookingGlass = new RoutingSource() {
        @Override
        public PrefixObservation observe(Prefix p) throws SourceUnavailableException {
            asked.add(p);
            if (broken.contains(p)) {
                throw new SourceUnavailableException("looking-glass", SourceUnavailableException.Reason.MALFORMED, "bad");
            }
            return new PrefixObservation(p, clock.instant().minusSeconds(40), Set.of("RRC00 192.0.2.1"), 1, Set.of(), Set.of());
        }

        @Override
        public String evidenceUrl(Prefix p) {
            return "";
        }
    };

    private List<Prefix> prefixes(int n) {
        List<Prefix> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Prefix.parse("10.0." + i + ".0/24"));
        }
        return out;
    }

    @Test
    void aPrefixInFlightIsNotAskedForAgainAndOneThatFailsWaitsWhileTheOthersAreSeeded() throws Exception {
        List<Prefix> all = prefixes(5);
        table.watch(all);
        broken.add(all.get(0));
        Reconciler r = new Reconciler(table, lookingGlass, Duration.ofMinutes(30), 60, () -> true, clock);

        // WHEN four looks are handed out before any answer comes
        Set<Prefix> handedOut = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            handedOut.add(r.next());
        }
        // THEN they are four different prefixes
        assertThat(handedOut).hasSize(4);
        for (Prefix p : handedOut) {
            r.look(p);
        }
        // WHEN the rest are asked for, the failing one does not come back at once
        Prefix p;
        while ((p = r.next()) != null) {
            r.look(p);
        }
        assertThat(table.unseeded()).containsExactly(all.get(0));
        assertThat(asked.stream().filter(all.get(0)::equals)).hasSize(1);
        // and after its backoff it is tried again
        clock.advance(Duration.ofSeconds(31));
        assertThat(r.next()).isEqualTo(all.get(0));
    }

    @Test
    void aSecondLookAtAWithdrawnPrefixWaitsUntilTheLookingGlassCanHaveSeenIt() throws Exception {
        List<Prefix> all = prefixes(2);
        table.watch(all);
        Reconciler r = new Reconciler(table, lookingGlass, Duration.ofMinutes(30), 60, () -> true, clock);
        Prefix p;
        while ((p = r.next()) != null) {
            r.look(p);
        }
        table.withdraw("rrc00", "192.0.2.1", all.get(1), clock.instant());
        // nothing is due at once: a look now would show the time before the withdrawal
        assertThat(r.next()).isNull();
        assertThat(r.next()).isNull();
        clock.advance(Reconciler.SECOND_LOOK_AFTER);
        Prefix second = r.next();
        second = second == null ? r.next() : second; // second looks take every other slot
        assertThat(second).isEqualTo(all.get(1));
    }

    @Test
    void aLookAskedForAfterALookThatCoveredTheWithdrawalIsNotHeldForTheSecondLooksWait() throws Exception {
        Prefix p = prefixes(1).get(0);
        table.watch(List.of(p));
        Reconciler r = new Reconciler(table, lookingGlass, Duration.ofMinutes(30), 60, () -> true, clock);
        r.look(r.next());
        table.withdraw("rrc00", "192.0.2.1", p, clock.instant());
        assertThat(r.next()).isNull(); // the withdrawal's second look waits for the looking glass
        // judging asks for a look: the last one is older than the withdrawal, so the wait stands
        r.wantLooks(List.of(p));
        assertThat(r.next()).isNull();
        assertThat(r.next()).isNull();

        // WHEN the stream loses data, comes back, and a look newer than its return covers the gap
        table.staleSince(clock.instant());
        table.streamBack(clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(45)); // the look's data time (40 s behind) is past the return
        r.look(p);
        assertThat(table.lookedAt(p)).isEqualTo(clock.instant().minusSeconds(40));
        // THEN a look judging asks for now comes in the next second looks' turn, not 90 s after the withdrawal
        r.wantLooks(List.of(p));
        Prefix next = r.next();
        next = next == null ? r.next() : next;
        assertThat(next).isEqualTo(p);
    }

    @Test
    void theStreamDownNoticeWaitsForPrefixesAndGivesTheirCadence() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                Reconciler.class);
        logs.start();
        log.addAppender(logs);
        try {
            // GIVEN a stream that is not up while the watch list is still resolving
            Reconciler r = new Reconciler(table, lookingGlass, Duration.ofMinutes(30), 60, () -> false, clock);
            // WHEN the reconciler runs with nothing to check yet
            assertThat(r.next()).isNull();
            // THEN it says nothing about "each of 0 prefixes"
            assertThat(logs.list).isEmpty();
            // WHEN the prefixes come: it says once how often each is checked, at one look a second
            table.watch(prefixes(240));
            r.next();
            r.next();
            assertThat(logs.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .containsExactly("Real-time stream down: the looking glass is the only source, each of 240"
                            + " prefixes checked every 4 min");
        } finally {
            log.detachAppender(logs);
        }
    }
}
