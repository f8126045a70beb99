package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import net.outageherald.model.Prefix;
import org.junit.jupiter.api.Test;

class SubscriptionPlanTest {

    private static final String BEACON_V4A = "{\"prefix\":\"84.205.64.0/19\",\"moreSpecific\":true,\"type\":\"UPDATE\"}";

    @Test
    void peerStateBeaconsThenOneSubscriptionPerPrefix() {
        SubscriptionPlan plan = SubscriptionPlan.of(prefixes("175.45.176.0/22", "2001:67c:2e8::/48"), 10);

        assertThat(plan.unfiltered()).isFalse();
        assertThat(plan.subscriptions()).containsExactly(
                "{\"type\":\"RIS_PEER_STATE\"}",
                BEACON_V4A,
                "{\"prefix\":\"93.175.144.0/20\",\"moreSpecific\":true,\"type\":\"UPDATE\"}",
                "{\"prefix\":\"175.45.176.0/22\",\"moreSpecific\":true,\"type\":\"UPDATE\"}",
                "{\"prefix\":\"2001:7fb::/32\",\"moreSpecific\":true,\"type\":\"UPDATE\"}",
                "{\"prefix\":\"2001:67c:2e8::/48\",\"moreSpecific\":true,\"type\":\"UPDATE\"}");
    }

    @Test
    void aPrefixInsideAnotherNeedsNoSubscriptionOfItsOwn() {
        SubscriptionPlan plan = SubscriptionPlan.of(prefixes("175.45.176.0/22", "175.45.177.0/24", "84.205.65.0/24"), 10);

        assertThat(plan.subscriptions()).hasSize(1 + 3 + 1)
                .contains("{\"prefix\":\"175.45.176.0/22\",\"moreSpecific\":true,\"type\":\"UPDATE\"}")
                .noneMatch(s -> s.contains("175.45.177.0/24") || s.contains("84.205.65.0/24"));
    }

    @Test
    void aboveTheLimitOneSubscriptionToAllUpdates() {
        SubscriptionPlan plan = SubscriptionPlan.of(prefixes("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"), 2);

        assertThat(plan.unfiltered()).isTrue();
        assertThat(plan.subscriptions()).containsExactly("{\"type\":\"RIS_PEER_STATE\"}", "{\"type\":\"UPDATE\"}");
        assertThat(SubscriptionPlan.of(prefixes("10.0.0.0/24", "10.0.1.0/24"), 2).unfiltered()).isFalse();
    }

    @Test
    void retainKeepsOnlyWatchedPrefixesAndTheirMoreSpecifics() {
        SubscriptionPlan plan = SubscriptionPlan.of(prefixes("175.45.176.0/22", "2001:db8::/32"), 10);
        RouteUpdate u = update(List.of("175.45.177.0/24", "8.8.8.0/24", "84.205.64.0/24"),
                List.of("2001:db8:1::/48", "2001:db9::/32", "175.45.176.0/21"));

        RouteUpdate ours = plan.retain(u);

        assertThat(ours.announced()).extracting(Prefix::cidr).containsExactly("175.45.177.0/24");
        assertThat(ours.withdrawn()).extracting(Prefix::cidr).as("a less-specific is not ours")
                .containsExactly("2001:db8:1::/48");
        assertThat(ours.originAsn()).isEqualTo(u.originAsn());
        RouteUpdate all = update(List.of("175.45.176.0/22"), List.of());
        assertThat(plan.retain(all)).isSameAs(all);
        assertThat(plan.retain(update(List.of("8.8.8.0/24"), List.of()))).isNull();
        assertThat(plan.retain(update(List.of(), List.of()))).as("End-of-RIB only").isNull();
    }

    @Test
    void framesWrapTheDataForSubscribeAndUnsubscribe() {
        assertThat(SubscriptionPlan.frame(BEACON_V4A, true)).isEqualTo("{\"type\":\"ris_subscribe\",\"data\":" + BEACON_V4A + "}");
        assertThat(SubscriptionPlan.frame(BEACON_V4A, false)).isEqualTo("{\"type\":\"ris_unsubscribe\",\"data\":" + BEACON_V4A + "}");
    }

    static List<Prefix> prefixes(String... cidrs) {
        return Stream.of(cidrs).map(Prefix::parse).toList();
    }

    static RouteUpdate update(List<String> announced, List<String> withdrawn) {
        return new RouteUpdate("rrc00", "192.0.2.1", 64500, Instant.EPOCH,
                announced.stream().map(Prefix::parse).toList(), 131279, 4837,
                withdrawn.stream().map(Prefix::parse).toList());
    }
}
