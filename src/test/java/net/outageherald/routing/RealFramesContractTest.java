package net.outageherald.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.outageherald.detect.DetectionConfig;
import net.outageherald.detect.PrefixTracker;
import net.outageherald.detect.TargetEvaluator;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Status;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.rislive.CaptureReader;
import net.outageherald.source.rislive.RisMessage;
import net.outageherald.source.rislive.RouteUpdate;
import net.outageherald.source.rislive.StreamState;
import net.outageherald.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * 1,000 real RIS Live frames of 23 May 2019 (RIPE NCC RIS), in which one peer (rrc00 45.12.70.254) flushes
 * 2,357 prefixes in a tenth of a second: a single peer's table flush must not read as an outage of them.
 */
class RealFramesContractTest {

    private static final String FLUSHER = "45.12.70.254";

    @Test
    void onePeerFlushingItsTableDarkensNoPrefixAndNoTarget() throws Exception {
        Path frames = SharedData.require("realdata/rislive-1k-2019-05-23").resolve("1k-msgs.jsonl");
        List<RisMessage> messages = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(frames)) {
            reader.forEach(messages::add);
        }
        Set<Prefix> flushed = new LinkedHashSet<>();
        messages.stream().filter(m -> m instanceof RouteUpdate u && u.peer().equals(FLUSHER))
                .forEach(m -> flushed.addAll(((RouteUpdate) m).withdrawn()));
        assertThat(flushed).hasSize(2357);

        // GIVEN each of those prefixes looked at before: seen by the flushing peer and twenty others
        Instant t0 = messages.get(0).timestamp().minusSeconds(60);
        RoutingTable table = new RoutingTable();
        table.watch(flushed);
        for (Prefix p : flushed) {
            Set<String> peers = new HashSet<>();
            peers.add("RRC00 " + FLUSHER);
            for (int i = 1; i <= 20; i++) {
                peers.add(String.format("RRC%02d 192.0.2.%d", i % 14, i));
            }
            table.seed(new PrefixObservation(p, t0, peers, 14, Set.of(64500L), Set.of(64501L)));
        }
        StreamFeed feed = new StreamFeed(table, Clock.systemUTC(), Duration.ofMinutes(2), () -> { });
        feed.onStreamState(StreamState.LIVE, "test");

        // WHEN the real frames go through the stream's feed
        for (RisMessage m : messages) {
            if (m instanceof RouteUpdate u) {
                feed.onUpdate(u);
            }
        }

        // THEN every prefix lost one peer of 21 and none is dark; a target of all of them is up
        DetectionConfig config = DetectionConfig.defaults();
        PrefixTracker tracker = new PrefixTracker(config);
        List<PrefixState> states = new ArrayList<>();
        for (Prefix p : flushed) {
            PrefixObservation now = table.observe(p, t0.plusSeconds(60), true).orElseThrow();
            assertThat(now.peersSeeing()).isEqualTo(20);
            PrefixState before = new PrefixState(p, PrefixState.Visibility.VISIBLE, 21, 21, Set.of(64501L), t0, null);
            states.add(tracker.update(before, now, t0.plusSeconds(60)));
        }
        assertThat(states).noneMatch(PrefixState::dark);
        assertThat(new TargetEvaluator(config).evaluate(states, List.of()).status()).isEqualTo(Status.UP);
    }
}
