package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.outageherald.model.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RisMessageParserTest {

    private final RisMessageParser parser = new RisMessageParser();

    private RouteUpdate update(String sample) {
        RisEvent e = parser.parse(Samples.read(sample));
        assertThat(e).as(sample).isInstanceOf(RouteUpdate.class);
        return (RouteUpdate) e;
    }

    @Test
    void anAnnouncementGivesPeerPrefixesOriginAndUpstream() {
        RouteUpdate u = update("announcement.json");

        assertThat(u.collector()).as("rrc03.ripe.net without the domain").isEqualTo("rrc03");
        assertThat(u.peer()).isEqualTo("192.0.2.10");
        assertThat(u.peerAsn()).isEqualTo(64500);
        assertThat(u.timestamp()).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        assertThat(u.announced()).containsExactly(Prefix.parse("175.45.176.0/24"), Prefix.parse("175.45.177.0/24"));
        assertThat(u.originAsn()).isEqualTo(131279);
        assertThat(u.upstreamAsn()).as("the prepended origin is skipped").isEqualTo(4837);
        assertThat(u.withdrawn()).isEmpty();
    }

    @Test
    void aWithdrawalOnlyUpdateHasNoPathAndNoAnnouncements() {
        RouteUpdate u = update("withdrawal-only.json");

        assertThat(u.announced()).isEmpty();
        assertThat(u.originAsn()).isEqualTo(RouteUpdate.NO_ASN);
        assertThat(u.upstreamAsn()).isEqualTo(RouteUpdate.NO_ASN);
        assertThat(u.withdrawn()).containsExactly(Prefix.parse("175.45.176.0/24"), Prefix.parse("175.45.178.0/24"));
        assertThat(u.timestamp()).isEqualTo(Instant.parse("2023-11-14T22:14:20.500Z"));
    }

    @Test
    void uncompressedIpv6IsNormalisedAndASecondNextHopDoesNotRepeatPrefixes() {
        RouteUpdate u = update("ipv6-uncompressed.json");

        assertThat(u.collector()).isEqualTo("rrc25");
        assertThat(u.announced()).extracting(Prefix::cidr).containsExactly("2001:db8:ab::/48", "2001:db8:cd::/48");
        assertThat(u.withdrawn()).extracting(Prefix::cidr).containsExactly("2001:db8:ef::/48");
        assertThat(u.announced()).allMatch(Prefix::ipv6);
        assertThat(u.timestamp()).isEqualTo(Instant.parse("2025-02-19T21:20:00.910Z"));
    }

    @Test
    void endOfRibMarkersAreSkipped() {
        assertThat(update("eor.json").isEmpty()).isTrue();
        RouteUpdate mixed = update("eor-mixed.json");
        assertThat(mixed.announced()).containsExactly(Prefix.parse("203.0.113.0/24"));
    }

    @Test
    void aMessageWithoutTypeIsAnUpdateWhenItCarriesRoutesAndOtherwiseOnlyASignOfLife() {
        RouteUpdate u = update("no-type-with-routes.json");
        assertThat(u.announced()).containsExactly(Prefix.parse("203.0.113.0/24"));
        assertThat(u.originAsn()).isEqualTo(64496);

        RisEvent bare = parser.parse(Samples.read("no-type-no-routes.json"));
        assertThat(bare).isEqualTo(new RisMessage.Other("", "rrc21", "198.51.100.99",
                Instant.parse("2021-11-08T02:42:55.830Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"origin-lowercase.json", "origin-uppercase.json"})
    void theOriginAttributeIsReadInEitherCase(String sample) {
        RouteUpdate u = update(sample);

        assertThat(u.announced()).containsExactly(Prefix.parse("196.50.70.0/24"));
        assertThat(u.originAsn()).isEqualTo(37650);
        assertThat(u.upstreamAsn()).isEqualTo(64503);
    }

    @Test
    void anAsSetOfSeveralAsesAtTheEndLeavesTheOriginOpen() {
        RouteUpdate u = update("as-set-path.json");

        assertThat(u.originAsn()).isEqualTo(RouteUpdate.NO_ASN);
        assertThat(u.upstreamAsn()).isEqualTo(RouteUpdate.NO_ASN);
        assertThat(u.announced()).containsExactly(Prefix.parse("198.18.0.0/15"));
    }

    @Test
    void anAsSetOfOneAsCountsAsThatAs() {
        RouteUpdate u = update("as-set-single.json");

        assertThat(u.originAsn()).isEqualTo(64499);
        assertThat(u.upstreamAsn()).isEqualTo(3356);
    }

    @Test
    void aPeerStateChangeKeepsTheStateAndA32BitAsn() {
        RisEvent e = parser.parse(Samples.read("peer-state.json"));

        assertThat(e).isInstanceOfSatisfying(PeerState.class, s -> {
            assertThat(s.collector()).isEqualTo("rrc19");
            assertThat(s.peer()).isEqualTo("2001:db8:6d0::55");
            assertThat(s.peerAsn()).isEqualTo(4_200_000_001L);
            assertThat(s.state()).isEqualTo("down");
            assertThat(s.connected()).isFalse();
        });
    }

    @Test
    void keepaliveAndNotificationAreSignsOfLifeOnly() {
        assertThat(parser.parse(Samples.read("keepalive.json")))
                .isEqualTo(new RisMessage.Other("KEEPALIVE", "rrc01", "192.0.2.30", Instant.parse("2023-11-14T22:20:00.100Z")));
        assertThat(parser.parse(Samples.read("notification.json"))).isInstanceOfSatisfying(RisMessage.Other.class,
                o -> assertThat(o.bgpType()).isEqualTo("NOTIFICATION"));
    }

    @Test
    void theSlowConsumerErrorIsRecognised() {
        assertThat(parser.parse(Samples.read("ris-error-slow-consumer.json"))).isInstanceOfSatisfying(
                RisEvent.ServerError.class, e -> {
                    assertThat(e.slowConsumer()).isTrue();
                    assertThat(e.message()).startsWith("Closing connection after being behind");
                });
        assertThat(parser.parse(Samples.read("ris-error-other.json")))
                .isEqualTo(new RisEvent.ServerError("Unknown command type", false));
    }

    @Test
    void pongRrcListAndSubscribeOkAreTheSocketsOwnTraffic() {
        assertThat(parser.parse(Samples.read("pong.json"))).isEqualTo(new RisEvent.Pong());
        assertThat(parser.parse("{\"type\":\"pong\"}")).isEqualTo(new RisEvent.Pong());
        assertThat(parser.parse(Samples.read("rrc-list.json")))
                .isEqualTo(new RisEvent.RrcList(java.util.List.of("rrc00", "rrc01", "rrc25")));
        assertThat(parser.parse("{\"type\":\"ris_subscribe_ok\",\"data\":{\"subscription\":{\"type\":\"UPDATE\"},"
                + "\"socketOptions\":{\"acknowledge\":true}}}")).isEqualTo(new RisEvent.SubscribeOk());
    }

    @Test
    void fieldsMayComeInAnyOrder() {
        RouteUpdate u = update("data-before-type.json");

        assertThat(u.collector()).isEqualTo("rrc07");
        assertThat(u.withdrawn()).containsExactly(Prefix.parse("192.0.2.0/24"));
        assertThat(u.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_500));
    }

    @Test
    void aBareDataObjectAsInSomeCapturesIsReadToo() {
        String bare = "{\"timestamp\":1700000000.5,\"peer\":\"192.0.2.1\",\"peer_asn\":\"64500\",\"host\":\"rrc00\","
                + "\"type\":\"UPDATE\",\"withdrawals\":[\"192.0.2.0/24\"]}";

        assertThat(parser.parse(bare)).isInstanceOfSatisfying(RouteUpdate.class,
                u -> assertThat(u.withdrawn()).containsExactly(Prefix.parse("192.0.2.0/24")));
    }

    @Test
    void unknownTypesAreIgnored() {
        assertThat(parser.parse("{\"type\":\"ris_something_new\",\"data\":{}}")).isInstanceOf(RisEvent.Ignored.class);
        assertThat(parser.parse("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"type\":\"STATE\"}}"))
                .isInstanceOfSatisfying(RisMessage.Other.class, o -> assertThat(o.bgpType()).isEqualTo("STATE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "42", "not json", "{\"type\":", "{\"data\":{}}",
            "{\"type\":\"ris_message\"}",
            "{\"type\":\"ris_message\",\"data\":{\"peer\":\"192.0.2.1\",\"host\":\"rrc00\",\"type\":\"UPDATE\"}}",
            "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"host\":\"rrc00\",\"type\":\"UPDATE\"}}",
            "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"p\",\"host\":\"rrc00\",\"type\":\"RIS_PEER_STATE\"}}",
            "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"p\",\"host\":\"h\",\"type\":\"UPDATE\",\"withdrawals\":[\"10.0.0.0/33\"]}}",
            "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"p\",\"host\":\"h\",\"type\":\"UPDATE\",\"withdrawals\":[\"banana\"]}}",
            "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"p\",\"host\":\"h\",\"type\":\"UPDATE\",\"path\":[\"x\"]}}",
            "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"p\",\"peer_asn\":\"AS1\",\"host\":\"h\",\"type\":\"UPDATE\"}}"})
    void garbageIsUnparseableWithAReasonAndNeverAnException(String frame) {
        assertThat(parser.parse(frame)).isInstanceOfSatisfying(RisEvent.Unparseable.class,
                u -> assertThat(u.reason()).isNotBlank());
    }

    @Test
    void aTruncatedFrameIsUnparseable() {
        assertThat(parser.parse(Samples.read("garbage.txt"))).isInstanceOfSatisfying(RisEvent.Unparseable.class,
                u -> assertThat(u.reason()).startsWith("not JSON"));
        assertThat(parser.parse(null)).isInstanceOf(RisEvent.Unparseable.class);
    }

    @Test
    void timestampsKeepTheirMilliseconds() {
        assertThat(RisMessageParser.instant(1562822767.1)).isEqualTo(Instant.parse("2019-07-11T05:26:07.100Z"));
        assertThat(RisMessageParser.instant(1740561857.910)).isEqualTo(Instant.parse("2025-02-26T09:24:17.910Z"));
        assertThat(RisMessageParser.instant(1655791343.0)).isEqualTo(Instant.ofEpochSecond(1655791343));
        assertThat(RisMessageParser.instant(1558620047.9999999)).isEqualTo(Instant.ofEpochSecond(1558620048));
    }

    @Test
    void withAFilterOnlyTheKeptPrefixesAreReadAndABadOneStillSpoilsTheFrame() {
        PrefixTrie keep = new PrefixTrie(java.util.List.of(Prefix.parse("175.45.177.0/24"),
                Prefix.parse("2001:db8:cd::/48")));

        RisEvent e = parser.parse(Samples.read("announcement.json"), keep);
        assertThat(e).isInstanceOfSatisfying(RouteUpdate.class, u -> {
            assertThat(u.announced()).containsExactly(Prefix.parse("175.45.177.0/24"));
            assertThat(u.originAsn()).isEqualTo(131279);
        });
        RisEvent v6 = parser.parse(Samples.read("ipv6-uncompressed.json"), keep);
        assertThat(v6).isInstanceOfSatisfying(RouteUpdate.class, u -> {
            assertThat(u.announced()).extracting(Prefix::cidr).containsExactly("2001:db8:cd::/48");
            assertThat(u.withdrawn()).isEmpty();
        });
        String bad = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1700000000.5,\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":\"64500\",\"host\":\"rrc00.ripe.net\",\"type\":\"UPDATE\",\"path\":[],"
                + "\"announcements\":[],\"withdrawals\":[\"10.0.0.0/33\"]}}";
        assertThat(parser.parse(bad, keep)).isInstanceOf(RisEvent.Unparseable.class);
        assertThat(parser.parse(bad)).isInstanceOf(RisEvent.Unparseable.class);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
        "1795343389.317;2026-11-22T10:29:49.317Z", "1558620047.9999999;2019-05-23T14:00:48Z",
        "1558620047.1234565;2019-05-23T14:00:47.123457Z", "1558620047;2019-05-23T14:00:47Z",
        "\"1795343389.5\";2026-11-22T10:29:49.500Z", "1.7953433895E9;2026-11-22T10:29:49.500Z"})
    void timestampsAreReadFromTheirCharactersToTheMicrosecondAndOtherSpellingsStillRead(String ts, String expected) {
        RouteUpdate u = (RouteUpdate) parser.parse(frame(ts, "rrc21.ripe.net", "\"64500\""));
        assertThat(u.timestamp()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void collectorsPeerAsnsAndTypesReadWithoutStringsAgreeWithTheSlowPath() {
        RouteUpdate u = (RouteUpdate) parser.parse(frame("1795343389.317", "rrc07.ripe.net", "\"0064500\""));
        assertThat(u.collector()).isEqualTo("rrc07");
        assertThat(u.peerAsn()).isEqualTo(64500);
        // not of the rrcNN.ripe.net form, or a number: read the usual way
        assertThat(((RouteUpdate) parser.parse(frame("1795343389.317", "RRC100.ripe.net", "64500"))).collector())
                .isEqualTo("rrc100");
        assertThat(((RouteUpdate) parser.parse(frame("1795343389.317", "rrc7x.ripe.net", "64500"))).collector())
                .isEqualTo("rrc7x");
        assertThat(parser.parse(frame("1795343389.317", "rrc07.ripe.net", "\"x1\"")))
                .isInstanceOf(RisEvent.Unparseable.class);
        assertThat(parser.parse(frame("1795343389.317", "rrc07.ripe.net", "\"64500\"").replace("ris_message",
                "ris_message_v2"))).isEqualTo(new RisEvent.Ignored("unknown type 'ris_message_v2'"));
    }

    private static String frame(String timestamp, String host, String peerAsn) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + timestamp + ",\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":" + peerAsn + ",\"id\":\"x\",\"host\":\"" + host + "\",\"type\":\"UPDATE\","
                + "\"path\":[],\"community\":[],\"announcements\":[],\"withdrawals\":[\"192.0.2.0/24\"]}}";
    }
}
