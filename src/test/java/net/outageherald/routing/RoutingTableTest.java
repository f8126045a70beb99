package net.outageherald.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;
import org.junit.jupiter.api.Test;

/** The per-peer picture of a prefix, as the looking glass and the stream move it. */
class RoutingTableTest {

    private static final Prefix P = Prefix.parse("175.45.176.0/24");
    private static final Instant T0 = Instant.parse("2014-12-22T16:00:00Z");
    private final RoutingTable table = new RoutingTable();

    private PrefixObservation look(Instant at, String... peers) {
        return new PrefixObservation(P, at, Set.of(peers), 1, Set.of(131279L), Set.of(4837L));
    }

    private int seeing() {
        return table.observe(P, T0, false).orElseThrow().peersSeeing();
    }

    @Test
    void theStreamMovesALookAndBothSpellingsOfAPeerAreOnePeer() {
        table.watch(List.of(P));
        table.seed(look(T0, "RRC00 192.0.2.1", "RRC00 2001:db8::1"));
        // the stream writes rrc00 and uncompressed IPv6: still the same two peers
        table.withdraw("rrc00", "2001:db8:0:0:0:0:0:1", P, T0.plusSeconds(5));
        assertThat(seeing()).isEqualTo(1);
        table.announce("rrc00", "192.0.2.1", P, 131279, 4837, T0.plusSeconds(6));
        assertThat(seeing()).isEqualTo(1);
        assertThat(table.drainChanged()).containsExactly(P);
        assertThat(table.drainWithdrawn()).containsExactly(P);
        assertThat(table.drainChanged()).isEmpty();
    }

    @Test
    void anOlderLookNeverUndoesWhatTheStreamSaidSinceItsDataTime() {
        table.watch(List.of(P));
        table.seed(look(T0, "RRC00 192.0.2.1", "RRC00 192.0.2.2"));
        table.withdraw("rrc00", "192.0.2.1", P, T0.plusSeconds(60));
        // a look whose data is from before that withdrawal keeps the stream's word for the peer it moved
        assertThat(table.seed(look(T0.plusSeconds(30), "RRC00 192.0.2.1", "RRC00 192.0.2.2"))).isTrue();
        assertThat(seeing()).isEqualTo(1);
        // a newer look replaces it
        assertThat(table.seed(look(T0.plusSeconds(90), "RRC00 192.0.2.1", "RRC00 192.0.2.2"))).isTrue();
        assertThat(seeing()).isEqualTo(2);
    }

    @Test
    void afterARestartAnOlderFirstLookStillFillsInEveryPeerTheStreamHasNotMoved() {
        // GIVEN a restart: one peer re-announces before the first look, whose data is 40 s older
        table.watch(List.of(P));
        table.announce("rrc00", "192.0.2.1", P, 131279, 4837, T0.plusSeconds(40));
        String[] ten = new String[10];
        for (int i = 0; i < 10; i++) {
            ten[i] = "RRC00 192.0.2." + (i + 1);
        }
        // WHEN the look comes, THEN the picture has all ten peers, not the stream's one
        assertThat(table.seed(look(T0, ten))).isTrue();
        assertThat(seeing()).isEqualTo(10);
        assertThat(table.dataTime(P, T0.plusSeconds(50), false)).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void aLookThatNoLongerListsADownPeerKeepsItOutOfTheBaseline() {
        table.watch(List.of(P));
        table.seed(look(T0, "RRC00 192.0.2.1", "RRC00 192.0.2.2", "RRC01 192.0.2.3"));
        table.peerDown("rrc00", "192.0.2.1");
        table.peerDown("rrc00", "192.0.2.2");
        // RIPEstat stops listing the down peers' routes
        table.seed(look(T0.plusSeconds(120), "RRC01 192.0.2.3"));
        PrefixObservation o = table.observe(P, T0, false).orElseThrow();
        assertThat(o.peersSeeing()).isEqualTo(1);
        assertThat(o.absentPeers()).isEqualTo(2);
    }

    @Test
    void aPeerWhoseSessionWentDownIsAbsentNotWithdrawnUntilItAnnouncesAgain() {
        table.watch(List.of(P));
        table.seed(look(T0, "RRC00 192.0.2.1", "RRC00 192.0.2.2"));
        table.peerDown("rrc00", "192.0.2.1");
        PrefixObservation o = table.observe(P, T0, false).orElseThrow();
        assertThat(o.peersSeeing()).isEqualTo(1);
        assertThat(o.absentPeers()).isEqualTo(1);
        table.peerUp("rrc00", "192.0.2.1");
        table.announce("rrc00", "192.0.2.1", P, 131279, 4837, T0.plusSeconds(10));
        o = table.observe(P, T0, false).orElseThrow();
        assertThat(o.peersSeeing()).isEqualTo(2);
        assertThat(o.absentPeers()).isZero();
    }

    @Test
    void dataTimeIsTheStreamsWhileLiveTheLooksOtherwiseAndTheGapsStartAfterAGap() {
        table.watch(List.of(P));
        assertThat(table.dataTime(P, T0, false)).isNull(); // never looked at: no picture
        table.seed(look(T0));
        assertThat(table.dataTime(P, T0.plusSeconds(100), false)).isEqualTo(T0.plusSeconds(100));
        assertThat(table.dataTime(P, null, false)).isEqualTo(T0);
        table.staleSince(T0.plusSeconds(50));
        assertThat(table.dataTime(P, T0.plusSeconds(100), false)).isEqualTo(T0.plusSeconds(50));
        // a gap that began before the last look is stale only from that look on
        assertThat(table.seedTimes().get(P)).isNull(); // looked at first by the reconciler
        table.seed(look(T0.plusSeconds(120)));
        assertThat(table.dataTime(P, T0.plusSeconds(130), false)).isEqualTo(T0.plusSeconds(130));
    }

    @Test
    void onlyWatchedPrefixesAreKept() {
        table.watch(List.of(P));
        table.announce("rrc00", "192.0.2.1", Prefix.parse("10.0.0.0/8"), 1, 2, T0);
        assertThat(table.observe(Prefix.parse("10.0.0.0/8"), T0, false)).isEmpty();
        table.watch(List.of());
        assertThat(table.size()).isZero();
    }
}
