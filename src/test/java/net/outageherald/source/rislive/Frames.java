package net.outageherald.source.rislive;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** RIS Live frames as the server sends them, for the fake server to send. */
final class Frames {

    static final String SLOW_CONSUMER = "{\"type\":\"ris_error\",\"data\":{\"message\":\"Closing connection after being"
            + " behind by more than 262144000 bytes over 30 seconds\",\"bufferSize\":262144001}}";

    private Frames() {
    }

    static String announce(Instant at, String... prefixes) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + seconds(at) + ",\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":\"64500\",\"id\":\"x\",\"host\":\"rrc00.ripe.net\",\"type\":\"UPDATE\","
                + "\"path\":[64500,4837,131279],\"community\":[],\"origin\":\"IGP\",\"announcements\":[{\"next_hop\":"
                + "\"192.0.2.1\",\"prefixes\":[" + quoted(List.of(prefixes)) + "]}]}}";
    }

    static String withdraw(Instant at, String... prefixes) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + seconds(at) + ",\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":\"64500\",\"id\":\"y\",\"host\":\"rrc00.ripe.net\",\"type\":\"UPDATE\",\"path\":[],"
                + "\"community\":[],\"announcements\":[],\"withdrawals\":[" + quoted(List.of(prefixes)) + "]}}";
    }

    static String peerState(Instant at, String state) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + seconds(at) + ",\"peer\":\"192.0.2.9\","
                + "\"peer_asn\":\"64509\",\"id\":\"z\",\"host\":\"rrc01\",\"type\":\"RIS_PEER_STATE\",\"state\":\""
                + state + "\"}}";
    }

    static String subscribe(String prefix) {
        return SubscriptionPlan.frame(SubscriptionPlan.prefixSubscription(net.outageherald.model.Prefix.parse(prefix)),
                true);
    }

    static String unsubscribe(String prefix) {
        return SubscriptionPlan.frame(SubscriptionPlan.prefixSubscription(net.outageherald.model.Prefix.parse(prefix)),
                false);
    }

    private static String seconds(Instant at) {
        return at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000);
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }
}
