package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.Prefix;
import net.outageherald.testing.FakeRisLive;
import net.outageherald.testing.MutableClock;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RisLiveClientTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
    private static final String PEER_STATE = SubscriptionPlan.frame(SubscriptionPlan.PEER_STATE, true);
    private static final List<String> BEACONS = List.of(Frames.subscribe("84.205.64.0/19"),
            Frames.subscribe("93.175.144.0/20"), Frames.subscribe("2001:7fb::/32"));

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingListener listener = new RecordingListener();
    private FakeRisLive server;
    private RisLiveClient client;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeRisLive();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @AfterAll
    static void closeHttp() {
        HTTP.connectionPool().evictAll();
    }

    /** Tiny backoffs and pace so that every test is quick; no pings. */
    private RisLiveConfig config(boolean enabled, int maxPrefixSubscriptions) {
        return new RisLiveConfig(server.url(), enabled, Duration.ZERO, Duration.ofMinutes(2),
                Duration.ofHours(4).plusMinutes(30), Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(1),
                maxPrefixSubscriptions);
    }

    private RisLiveClient client(int maxPrefixSubscriptions) {
        // the watchdogs run only when the test calls checkLiveness()
        client = new RisLiveClient(config(true, maxPrefixSubscriptions), HTTP, clock, listener, null);
        return client;
    }

    private RisLiveClient started(String... watched) {
        RisLiveClient c = client(10_000);
        c.watch(SubscriptionPlanTest.prefixes(watched));
        c.start();
        return c;
    }

    @Test
    void subscribesToPeerStateTheBeaconsAndEachWatchedPrefix() {
        started("175.45.176.0/22", "2001:67c:2e8::/48");

        List<String> sent = server.connection(0).awaitReceived(6);

        assertThat(sent).containsExactly(PEER_STATE, BEACONS.get(0), BEACONS.get(1), Frames.subscribe("175.45.176.0/22"),
                BEACONS.get(2), Frames.subscribe("2001:67c:2e8::/48"));
        assertThat(server.connection(0).request.getUrl().queryParameter("client")).isEqualTo("test");
        await().atMost(FakeRisLive.WAIT).until(() -> client.status().state() == StreamState.LIVE);
        await().atMost(FakeRisLive.WAIT).until(() -> listener.states().equals(List.of(StreamState.CONNECTING,
                StreamState.LIVE)));
    }

    @Test
    void stoppedItDisconnectsAndStaysOffUntilStartedAgainThenResubscribes() {
        started("175.45.176.0/22");
        server.connection(0).awaitReceived(5);
        await().atMost(FakeRisLive.WAIT).until(() -> client.status().state() == StreamState.LIVE);

        client.stop(); // another instance leads

        await().atMost(FakeRisLive.WAIT).until(() -> server.connection(0).gone);
        assertThat(client.status().state()).isEqualTo(StreamState.DOWN);
        await().atMost(FakeRisLive.WAIT).until(() -> listener.states().contains(StreamState.DOWN));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> server.connections().size() == 1); // no reconnect (backoff 10 ms)

        client.start(); // leading again

        assertThat(server.connection(1).awaitReceived(5)).containsExactly(PEER_STATE, BEACONS.get(0), BEACONS.get(1),
                Frames.subscribe("175.45.176.0/22"), BEACONS.get(2));
        await().atMost(FakeRisLive.WAIT).until(() -> client.status().state() == StreamState.LIVE);
    }

    @Test
    void overTlsEveryFrameOfAFastBurstArrivesInOrder() throws Exception {
        // GIVEN RIS Live over TLS, as in production (wss://): the batching reads sit under the TLS layer
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HandshakeCertificates clientTls = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate())
                .build();
        server.close();
        server = new FakeRisLive(serverTls.sslSocketFactory());
        OkHttpClient tlsHttp = HTTP.newBuilder().sslSocketFactory(clientTls.sslSocketFactory(), clientTls.trustManager())
                .build();
        client = new RisLiveClient(config(true, 0), tlsHttp, clock, listener, null);
        client.watch(SubscriptionPlanTest.prefixes("175.45.176.0/22"));
        client.start();
        FakeRisLive.Connection c = server.connection(0);
        c.awaitReceived(1);

        // WHEN 3,000 updates come at once, small frames and large ones
        String[] big = new String[1_000]; // about 20 KB: more than one TLS record
        for (int i = 0; i < big.length; i++) {
            big[i] = "175.45." + (176 + i / 256) + "." + (i % 256) + "/32";
        }
        for (int i = 0; i < 3_000; i++) {
            c.send(i % 500 == 7 ? Frames.announce(T0.plusSeconds(i), big)
                    : Frames.announce(T0.plusSeconds(i), "175.45." + (176 + i % 4) + ".0/24"));
        }

        // THEN each arrives, in order
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.updates.size() == 3_000);
        for (int i = 0; i < 3_000; i++) {
            List<Prefix> got = listener.updates.get(i).announced();
            if (i % 500 == 7) {
                assertThat(got).hasSize(1_000).endsWith(Prefix.parse(big[999]));
            } else {
                assertThat(got).containsExactly(Prefix.parse("175.45." + (176 + i % 4) + ".0/24"));
            }
        }
        assertThat(server.connection(0).request.getUrl().scheme()).isEqualTo("https");
    }

    @Test
    void aNewWatchListSubscribesTheNewAndUnsubscribesTheOldWithTheSameData() {
        started("175.45.176.0/22", "192.0.2.0/24");
        FakeRisLive.Connection c = server.connection(0);
        c.awaitReceived(6);

        client.watch(SubscriptionPlanTest.prefixes("175.45.176.0/22", "198.51.100.0/24"));

        assertThat(c.awaitReceived(8).subList(6, 8)).containsExactly(Frames.subscribe("198.51.100.0/24"),
                Frames.unsubscribe("192.0.2.0/24"));
        assertThat(client.pendingSubscriptions()).isZero();
    }

    @Test
    void updatesForWatchedPrefixesReachTheListenerAndOthersDoNot() {
        started("175.45.176.0/22");
        FakeRisLive.Connection c = server.connection(0);
        c.awaitReceived(5);

        c.send(Frames.announce(T0, "175.45.177.0/24", "8.8.8.0/24"));
        c.send(Frames.announce(T0, "8.8.8.0/24"));
        c.send(Frames.withdraw(T0, "84.205.64.0/24"));
        c.send("{\"type\":\"ris_message\",\"data\":{garbage");
        c.send(Frames.peerState(T0, "down"));
        c.send(Frames.withdraw(T0, "175.45.176.0/22"));

        await().atMost(FakeRisLive.WAIT).until(() -> listener.updates.size() == 2 && listener.peerStates.size() == 1);
        assertThat(listener.updates.get(0).announced()).containsExactly(Prefix.parse("175.45.177.0/24"));
        assertThat(listener.updates.get(0).collector()).isEqualTo("rrc00");
        assertThat(listener.updates.get(0).originAsn()).isEqualTo(131279);
        assertThat(listener.updates.get(1).withdrawn()).containsExactly(Prefix.parse("175.45.176.0/22"));
        assertThat(listener.peerStates.get(0).connected()).isFalse();
        assertThat(client.messages()).isEqualTo(6);
        assertThat(client.updates()).isEqualTo(4);
        assertThat(client.parseFailures()).isEqualTo(1);
        assertThat(client.status().lastMessageTimestamp()).isEqualTo(T0);
    }

    @Test
    void aFailingListenerDoesNotStopTheStream() {
        client = new RisLiveClient(config(true, 10_000), HTTP, clock, new RisLiveListener() {
            @Override
            public void onUpdate(RouteUpdate update) {
                listener.updates.add(update);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onPeerState(PeerState state) {
            }

            @Override
            public void onStreamState(StreamState state, String why) {
            }
        }, null);
        client.watch(SubscriptionPlanTest.prefixes("175.45.176.0/22"));
        client.start();
        FakeRisLive.Connection conn = server.connection(0);
        conn.awaitReceived(5);

        conn.send(Frames.announce(T0, "175.45.176.0/24"));
        conn.send(Frames.announce(T0, "175.45.177.0/24"));

        await().atMost(FakeRisLive.WAIT).until(() -> listener.updates.size() == 2);
        assertThat(client.reconnects()).isZero();
    }

    @Test
    void aSlowConsumerErrorReconnectsAndSubscribesAgainInFull() {
        started("175.45.176.0/22");
        FakeRisLive.Connection first = server.connection(0);
        first.awaitReceived(5);
        first.send(Frames.announce(T0, "175.45.176.0/24"));

        first.send(Frames.SLOW_CONSUMER);

        FakeRisLive.Connection second = server.connection(1);
        assertThat(second.awaitReceived(5)).containsExactlyElementsOf(first.received.subList(0, 5));
        assertThat(client.reconnects()).isEqualTo(1);
        assertThat(listener.changes).anySatisfy(ch -> {
            assertThat(ch.state()).isEqualTo(StreamState.DOWN);
            assertThat(ch.why()).contains("Closing connection after being behind").contains("reconnecting in 10ms");
        });
        await().atMost(FakeRisLive.WAIT).until(() -> client.status().state() == StreamState.LIVE);
        assertThat(listener.losses).as("what RIS Live held for us is gone: said, from our last message on")
                .containsExactly(T0 + " closed us as a slow consumer");
    }

    @Test
    void aConnectionEndingFarBehindTheStreamLosesItsBacklogAndSaysSo() {
        started("175.45.176.0/22");
        FakeRisLive.Connection first = server.connection(0);
        first.awaitReceived(5);
        first.send(Frames.announce(T0.minusSeconds(40), "175.45.176.0/24")); // read 40 s after it was sent
        await().atMost(FakeRisLive.WAIT).until(() -> client.messages() == 1);

        first.socket.close(1011, "gone");

        server.connection(1).awaitReceived(5);
        assertThat(listener.losses).containsExactly(T0.minusSeconds(40) + " dropped while 40s behind the stream");
    }

    @Test
    void aConnectionEndingOnTimeLosesNothingWorthSaying() {
        started("175.45.176.0/22");
        FakeRisLive.Connection first = server.connection(0);
        first.awaitReceived(5);
        first.send(Frames.announce(T0.minusSeconds(2), "175.45.176.0/24"));
        await().atMost(FakeRisLive.WAIT).until(() -> client.messages() == 1);

        first.socket.close(1001, "going away");

        server.connection(1).awaitReceived(5);
        assertThat(listener.losses).isEmpty();
    }

    @Test
    void aServerCloseReconnectsWithADoublingCappedBackoff() {
        server.onOpen = conn -> conn.socket.close(1001, "going away");
        started("175.45.176.0/22");

        await().atMost(FakeRisLive.WAIT).until(() -> server.connections().size() >= 5);
        server.onOpen = conn -> { };
        int stable = server.connections().size();
        FakeRisLive.Connection kept = server.connection(stable);
        kept.awaitReceived(5);

        List<String> waits = listener.changes.stream().filter(ch -> ch.state() == StreamState.DOWN)
                .map(ch -> ch.why().replaceAll(".*reconnecting in ", "")).toList();
        assertThat(waits).startsWith("10ms", "20ms", "40ms", "40ms");
        assertThat(listener.changes).filteredOn(ch -> ch.state() == StreamState.DOWN).first()
                .extracting(RecordingListener.Change::why).asString().contains("1001 going away");
        assertThat(client.reconnects()).isEqualTo(stable);
        await().atMost(FakeRisLive.WAIT).until(() -> client.status().state() == StreamState.LIVE);
    }

    @Test
    void lateMessagesMakeTheStreamLaggingAndTimelyOnesLiveAgain() {
        started("175.45.176.0/22");
        FakeRisLive.Connection c = server.connection(0);
        c.awaitReceived(5);

        c.send(Frames.announce(T0.minus(Duration.ofMinutes(10)), "175.45.176.0/24"));
        await().atMost(FakeRisLive.WAIT).until(() -> client.messages() == 1);
        client.checkLiveness();

        assertThat(client.status().state()).isEqualTo(StreamState.LAGGING);
        assertThat(client.status().lag()).isEqualTo(Duration.ofMinutes(10));
        assertThat(client.status().reason()).contains("10m").contains("max-lag 2m");
        client.checkLiveness();

        c.send(Frames.announce(T0.minusSeconds(3), "175.45.176.0/24"));
        await().atMost(FakeRisLive.WAIT).until(() -> client.messages() == 2);
        client.checkLiveness();

        assertThat(client.status().state()).isEqualTo(StreamState.LIVE);
        await().atMost(FakeRisLive.WAIT).until(() -> listener.states().equals(List.of(StreamState.CONNECTING,
                StreamState.LIVE, StreamState.LAGGING, StreamState.LIVE)));
        assertThat(listener.updates).as("late updates are delivered all the same").hasSize(2);
    }

    @Test
    void silentBeaconsReconnectAndABeaconMessageKeepsTheConnection() {
        started("175.45.176.0/22");
        FakeRisLive.Connection first = server.connection(0);
        first.awaitReceived(5);

        clock.advance(Duration.ofHours(4));
        first.send(Frames.withdraw(clock.instant(), "84.205.67.0/24"));
        await().atMost(FakeRisLive.WAIT).until(() -> client.messages() == 1);
        clock.advance(Duration.ofHours(1));
        client.checkLiveness();
        assertThat(server.connections()).hasSize(1);
        assertThat(listener.updates).as("the beacon is a canary, not a watched prefix").isEmpty();

        clock.advance(Duration.ofHours(4));
        client.checkLiveness();

        FakeRisLive.Connection second = server.connection(1);
        assertThat(second.awaitReceived(5)).containsExactlyElementsOf(first.received);
        assertThat(listener.changes).anySatisfy(ch -> assertThat(ch.why())
                .startsWith("no message about the RIS beacons for 5h").contains("beacon-silence 4h30m"));
        assertThat(client.reconnects()).isEqualTo(1);
    }

    @Test
    void aboveTheLimitItTakesAllUpdatesAndFiltersThemHere() {
        RisLiveClient c = client(2);
        c.watch(SubscriptionPlanTest.prefixes("175.45.176.0/22", "192.0.2.0/24", "2001:db8::/32"));
        c.start();
        FakeRisLive.Connection conn = server.connection(0);

        assertThat(conn.awaitReceived(2)).containsExactly(PEER_STATE,
                SubscriptionPlan.frame(SubscriptionPlan.ALL_UPDATES, true));
        assertThat(c.unfiltered()).isTrue();
        conn.send(Frames.announce(T0, "175.45.178.0/24", "10.0.0.0/8", "2001:db8:ff00::/40", "2001:db9::/32"));
        conn.send(Frames.withdraw(T0, "203.0.113.0/24", "84.205.64.0/24"));
        conn.send(Frames.withdraw(T0, "192.0.2.0/24"));

        await().atMost(FakeRisLive.WAIT).until(() -> c.messages() == 3);
        await().atMost(FakeRisLive.WAIT).until(() -> listener.updates.size() == 2);
        assertThat(listener.updates.get(0).announced()).extracting(Prefix::cidr)
                .containsExactly("175.45.178.0/24", "2001:db8:ff00::/40");
        assertThat(listener.updates.get(1).withdrawn()).extracting(Prefix::cidr).containsExactly("192.0.2.0/24");

        c.watch(SubscriptionPlanTest.prefixes("175.45.176.0/22"));
        assertThat(conn.awaitReceived(7).subList(2, 7)).as("back to per-prefix subscriptions, then the firehose goes")
                .containsExactly(BEACONS.get(0), BEACONS.get(1), Frames.subscribe("175.45.176.0/22"), BEACONS.get(2),
                        SubscriptionPlan.frame(SubscriptionPlan.ALL_UPDATES, false));
    }

    @Test
    void closeStopsReconnectingAndDropsTheSocket() {
        started("175.45.176.0/22");
        server.connection(0).awaitReceived(5);

        client.close();

        assertThat(client.status().state()).isEqualTo(StreamState.DOWN);
        await().atMost(FakeRisLive.WAIT).until(() -> listener.changes.get(listener.changes.size() - 1)
                .equals(new RecordingListener.Change(StreamState.DOWN, "closed")));
        await().during(Duration.ofMillis(300)).atMost(FakeRisLive.WAIT)
                .until(() -> server.connections().size() == 1);
        client.start();
        assertThat(server.connections()).as("a closed client stays closed").hasSize(1);
    }

    @Test
    void disabledItNeverConnects() {
        client = new RisLiveClient(config(false, 10), HTTP, clock, listener, null);

        client.start();

        assertThat(client.status().state()).isEqualTo(StreamState.DOWN);
        assertThat(client.status().reason()).isEqualTo("disabled in the config");
        assertThat(server.connections()).isEmpty();
    }

}
