package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.outageherald.model.Prefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parser against real RIS Live traffic from {@code ../shared} (fixtures and real recordings, not part
 * of the repository): {@code -Dherald.shared=...} points elsewhere. Skipped with one message when absent.
 */
class RisLiveRealDataContractTest {

    private final RisMessageParser parser = new RisMessageParser();
    private Path shared;

    /** Per test rather than per class, so that surefire lists the tests as skipped, with the reason. */
    @BeforeEach
    void locate() {
        String property = System.getProperty("herald.shared");
        shared = property != null && !property.isBlank() ? Path.of(property) : Path.of("..", "shared");
        assumeTrue(Files.isDirectory(shared.resolve("fixtures")) && Files.isDirectory(shared.resolve("realdata")),
                "no shared fixtures and real data at " + shared.toAbsolutePath().normalize()
                        + " (set -Dherald.shared=DIR): skipping the real-data contract");
    }

    @Test
    void everyRisLiveFixtureParsesToWhatItIs() throws IOException {
        Map<String, RisEvent> byFile = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shared.resolve("fixtures"), "rislive_*.json")) {
            for (Path f : files) {
                byFile.put(f.getFileName().toString(), parser.parse(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }

        assertThat(byFile).hasSizeGreaterThanOrEqualTo(14);
        assertThat(byFile.values()).noneMatch(e -> e instanceof RisEvent.Unparseable);
        byFile.forEach((name, event) -> {
            if (name.startsWith("rislive_update_")) {
                assertThat(event).as(name).isInstanceOf(RouteUpdate.class);
                assertThat(((RouteUpdate) event).isEmpty()).as(name).isFalse();
            }
        });
        RouteUpdate v6 = (RouteUpdate) byFile.get("rislive_update_withdraw_ipv6_rrc25_2025.json");
        assertThat(v6.collector()).isEqualTo("rrc25");
        assertThat(v6.withdrawn()).containsExactly(Prefix.parse("2605:de00:bb::/48"));
        RouteUpdate twoHops = (RouteUpdate) byFile.get("rislive_update_announce_ipv6_with-raw_rrc20_2021.json");
        assertThat(twoHops.announced()).containsExactly(Prefix.parse("2602:fd9e:f00::/40"));
        assertThat(twoHops.originAsn()).isEqualTo(397666);
        assertThat(twoHops.upstreamAsn()).isEqualTo(49981);
        RouteUpdate prepended = (RouteUpdate) byFile.get("rislive_update_announce_ipv4_aggregator_rrc21_2021.json");
        assertThat(prepended.originAsn()).isEqualTo(13904);
        assertThat(prepended.upstreamAsn()).isEqualTo(3356);
        RouteUpdate both = (RouteUpdate) byFile.get("rislive_update_announce-and-withdraw_rrc13_2019.json");
        assertThat(both.announced()).hasSize(8);
        assertThat(both.withdrawn()).containsExactly(Prefix.parse("141.136.32.0/20"));
        assertThat(byFile.get("rislive_ris-peer-state_rrc19_2019.json")).isInstanceOfSatisfying(PeerState.class,
                s -> assertThat(s.connected()).isTrue());
        assertThat(byFile.get("rislive_ris-error_slow-consumer.json")).isInstanceOfSatisfying(
                RisEvent.ServerError.class, e -> assertThat(e.slowConsumer()).isTrue());
        assertThat(byFile.get("rislive_ris-error_unknown-command.json")).isInstanceOfSatisfying(
                RisEvent.ServerError.class, e -> assertThat(e.slowConsumer()).isFalse());
        assertThat(byFile.get("rislive_ris-message_without-type_rrc21_2021.json")).isInstanceOf(RisMessage.Other.class);
        for (String liveness : List.of("keepalive_rrc01_2019", "open_rrc01_2019", "notification_rrc00_2019")) {
            assertThat(byFile.get("rislive_" + liveness + ".json")).as(liveness).isInstanceOf(RisMessage.Other.class);
        }
        assertThat(byFile.get("rislive_pong_example.json")).isInstanceOf(RisEvent.Pong.class);
        assertThat(byFile.get("rislive_ris-rrc-list_example.json")).isEqualTo(new RisEvent.RrcList(List.of("rrc00", "rrc01")));
    }

    @Test
    void aThousandRealFramesParseAndOnePeerFlushesItsTable() throws IOException {
        List<String> frames = Files.readAllLines(shared.resolve("realdata/rislive-1k-2019-05-23/1k-msgs.jsonl"),
                StandardCharsets.UTF_8);
        assertThat(frames).hasSize(1000);
        List<RouteUpdate> updates = new ArrayList<>();
        int keepalives = 0;
        Set<String> collectors = new HashSet<>();
        for (String frame : frames) {
            RisEvent e = parser.parse(frame);
            assertThat(e).as(frame).isNotInstanceOf(RisEvent.Unparseable.class);
            collectors.add(((RisMessage) e).collector());
            if (e instanceof RouteUpdate u) {
                updates.add(u);
            } else if (e instanceof RisMessage.Other o && o.bgpType().equals("KEEPALIVE")) {
                keepalives++;
            }
        }

        // figures from SOURCE.txt
        assertThat(updates).hasSize(994);
        assertThat(keepalives).isEqualTo(6);
        // SOURCE.txt counts 871 announced prefix entries; 84 of them repeat a prefix of the same message under a
        // second (IPv6 link-local) next hop, in 76 messages, and count once here
        assertThat(updates.stream().mapToInt(u -> u.announced().size()).sum()).isEqualTo(871 - 84);
        assertThat(updates.stream().mapToInt(u -> u.withdrawn().size()).sum()).isEqualTo(2394);
        assertThat(updates.stream().filter(u -> !u.withdrawn().isEmpty()).count()).isEqualTo(631);
        assertThat(collectors).hasSize(14).allMatch(c -> c.matches("rrc\\d\\d"));
        List<RouteUpdate> flush = updates.stream()
                .filter(u -> u.collector().equals("rrc00") && u.peer().equals("45.12.70.254")).toList();
        assertThat(flush.stream().mapToInt(u -> u.withdrawn().size()).sum()).isEqualTo(2357);
        assertThat(flush.stream().filter(u -> !u.withdrawn().isEmpty()).count()).isEqualTo(606);
        assertThat(flush).allMatch(u -> u.peerAsn() == 47422);
        PrefixTrie beacons = new PrefixTrie(SubscriptionPlan.BEACONS);
        long beaconAnnouncements = updates.stream().flatMap(u -> u.announced().stream()).filter(beacons::covers).count();
        long beaconWithdrawals = updates.stream().flatMap(u -> u.withdrawn().stream()).filter(beacons::covers).count();
        // SOURCE.txt: 168 beacon announcements, counted per next hop; 44 are a second next hop's repeat
        assertThat(beaconAnnouncements).isEqualTo(168 - 44);
        assertThat(beaconWithdrawals).isEqualTo(13);
        assertThat(updates.stream().filter(u -> !u.announced().isEmpty()))
                .allMatch(u -> u.originAsn() != RouteUpdate.NO_ASN);
    }

    @Test
    void theCloudflareOutageReplayReadsThroughTheCaptureReader() throws IOException {
        Path replay = shared.resolve("realdata/cloudflare-2022-06-21/DERIVED-rislive-replay.jsonl.gz");
        long announced = 0;
        long withdrawn = 0;
        long count = 0;
        java.time.Instant previous = java.time.Instant.MIN;
        try (CaptureReader reader = CaptureReader.open(replay)) {
            for (RisMessage m : reader) {
                RouteUpdate u = (RouteUpdate) m;
                assertThat(u.timestamp()).as("time-ordered").isAfterOrEqualTo(previous);
                previous = u.timestamp();
                announced += u.announced().size();
                withdrawn += u.withdrawn().size();
                if (!u.announced().isEmpty()) {
                    assertThat(u.originAsn()).isEqualTo(13335);
                }
                count++;
            }
            assertThat(reader.badLineCount()).isZero();
            assertThat(reader.skipped()).isZero();
        }
        // figures from SOURCE.txt: 10,726 updates, 9,394 announcements and 1,332 withdrawals, one prefix each
        assertThat(count).isEqualTo(10_726);
        assertThat(announced).isEqualTo(9_394);
        assertThat(withdrawn).isEqualTo(1_332);
    }
}
