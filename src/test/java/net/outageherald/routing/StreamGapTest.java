package net.outageherald.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.rislive.RouteUpdate;
import net.outageherald.source.rislive.StreamState;
import org.junit.jupiter.api.Test;

/**
 * RIS Live closing us as a slow consumer drops what it held for us, withdrawals included. Nothing of that may
 * vanish silently: the pictures go stale, only a look that saw the whole gap replaces them, and what the
 * stream said since it came back is laid over that look.
 */
class StreamGapTest {

    private static final Prefix P = Prefix.parse("175.45.176.0/24");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final RoutingTable table = new RoutingTable();
    private final StreamFeed feed = new StreamFeed(table, clock, Duration.ofMinutes(2), () -> { });

    private PrefixObservation look(Instant at, String... peers) {
        return new PrefixObservation(P, at, Set.of(peers), 1, Set.of(131279L), Set.of(4837L));
    }

    private int peers() {
        return table.observe(P, now.get(), false).orElseThrow().peersSeeing();
    }

    private void withdraw(String peer, Instant at) {
        feed.onUpdate(new RouteUpdate("rrc00", peer, 64500, at, List.of(), 0, 0, List.of(P)));
    }

    private void announce(String peer, Instant at) {
        feed.onUpdate(new RouteUpdate("rrc00", peer, 64500, at, List.of(P), 131279, 4837, List.of()));
    }

    @Test
    void aSlowConsumerCloseMakesThePictureStaleUntilALookThatSawTheWholeGap() {
        table.watch(List.of(P));
        assertThat(table.seed(look(T0, "RRC00 192.0.2.1", "RRC00 192.0.2.2", "RRC00 192.0.2.3"))).isTrue();
        feed.onStreamState(StreamState.LIVE, "connected");
        withdraw("192.0.2.1", T0.plusSeconds(5));
        assertThat(peers()).isEqualTo(2);

        // WHEN RIS Live drops us at T0+10 (the withdrawals of .2 and .3 in its buffer are gone) and we are back at +12
        now.set(T0.plusSeconds(11));
        feed.onDataLost(T0.plusSeconds(10), "closed as a slow consumer");
        feed.onStreamState(StreamState.DOWN, "server error");
        now.set(T0.plusSeconds(12));
        feed.onStreamState(StreamState.LIVE, "connected");
        now.set(T0.plusSeconds(13));
        announce("192.0.2.4", T0.plusSeconds(13)); // the stream goes on after the gap

        // THEN the picture counts as old as the gap, and stale prefixes are looked at first
        assertThat(feed.dataTime(P, false)).isEqualTo(T0.plusSeconds(10));
        assertThat(table.seedTimes().get(P)).isNull();

        // a look from before the stream came back cannot say what it lost: refused, still stale, tried again later
        assertThat(table.seed(look(T0.plusSeconds(11), "RRC00 192.0.2.2", "RRC00 192.0.2.3"))).isFalse();
        assertThat(feed.dataTime(P, false)).isEqualTo(T0.plusSeconds(10));
        assertThat(table.seedTimes().get(P)).isBefore(T0);

        // a look from after it did replace the picture, with what the stream said since laid over it
        assertThat(table.seed(look(T0.plusSeconds(12), "RRC00 192.0.2.9"))).isTrue();
        assertThat(table.observe(P, now.get(), false).orElseThrow().peers())
                .containsExactlyInAnyOrder("RRC00 192.0.2.9", "RRC00 192.0.2.4");
        assertThat(feed.dataTime(P, false)).isEqualTo(now.get());
    }

    @Test
    void aWithdrawalAfterTheStreamCameBackOutranksALookThatStillSawThePeer() {
        table.watch(List.of(P));
        table.seed(look(T0, "RRC00 192.0.2.1", "RRC00 192.0.2.2"));
        feed.onStreamState(StreamState.LIVE, "connected");
        feed.onDataLost(T0.plusSeconds(10), "closed as a slow consumer");
        feed.onStreamState(StreamState.DOWN, "server error");
        now.set(T0.plusSeconds(12));
        feed.onStreamState(StreamState.LIVE, "connected");
        withdraw("192.0.2.2", T0.plusSeconds(20));

        assertThat(table.seed(look(T0.plusSeconds(15), "RRC00 192.0.2.1", "RRC00 192.0.2.2"))).isTrue();

        assertThat(table.observe(P, now.get(), false).orElseThrow().peers()).containsExactly("RRC00 192.0.2.1");
    }

    @Test
    void withoutLossAShortReconnectKeepsThePictureAsItWas() {
        table.watch(List.of(P));
        table.seed(look(T0, "RRC00 192.0.2.1"));
        feed.onStreamState(StreamState.LIVE, "connected");
        now.set(T0.plusSeconds(30));
        feed.onStreamState(StreamState.DOWN, "connection failed");
        now.set(T0.plusSeconds(31));
        feed.onStreamState(StreamState.LIVE, "connected");

        assertThat(table.seedTimes().get(P)).isEqualTo(T0);
        assertThat(feed.dataTime(P, false)).isEqualTo(now.get());
    }
}
