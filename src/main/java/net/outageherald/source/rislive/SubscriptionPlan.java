package net.outageherald.source.rislive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import net.outageherald.model.Prefix;

/**
 * What to ask RIS Live for, given the watched prefixes, and which prefixes of what it sends are ours.
 * One subscription per prefix ({@code moreSpecific}, so a watched /22 brings its /24s), none for a prefix
 * already inside another one, plus the RIS beacons as a canary and peer session changes. Above
 * {@code maxPrefixSubscriptions} it asks for every UPDATE instead and leaves the choice to {@link #retain}.
 *
 * @param subscriptions {@code ris_subscribe} data objects as JSON, in the order to send them; each is also
 *                      the key for its {@code ris_unsubscribe}, which RIS Live wants with the same data
 * @param unfiltered    whether one subscription to all UPDATEs stands in for the prefix subscriptions
 * @param watched       how many prefixes are watched
 * @param filter        the watched prefixes (and what lies inside them) as members, for {@link #retain}, and
 *                      the beacons as prefixes only read: see {@link #reading()}
 */
record SubscriptionPlan(List<String> subscriptions, boolean unfiltered, int watched, PrefixTrie filter) {

    /** The RIS routing beacons (RIPE NCC, AS12654), announced and withdrawn on a fixed schedule. */
    static final List<Prefix> BEACONS = List.of(Prefix.parse("84.205.64.0/19"), Prefix.parse("93.175.144.0/20"),
            Prefix.parse("2001:7fb::/32"));
    static final String PEER_STATE = "{\"type\":\"RIS_PEER_STATE\"}";
    static final String ALL_UPDATES = "{\"type\":\"UPDATE\"}";

    SubscriptionPlan {
        subscriptions = List.copyOf(subscriptions);
    }

    static SubscriptionPlan of(Collection<Prefix> watchedPrefixes, int maxPrefixSubscriptions) {
        List<Prefix> cover = cover(watchedPrefixes);
        // one trie for filter and parser: the beacons are read but not kept (two cost 4 MB at 10,000 prefixes)
        PrefixTrie trie = new PrefixTrie(cover, BEACONS);
        List<String> subs = new ArrayList<>();
        subs.add(PEER_STATE);
        boolean unfiltered = cover.size() > maxPrefixSubscriptions;
        if (unfiltered) {
            subs.add(ALL_UPDATES); // brings the beacons too
        } else {
            List<Prefix> withBeacons = new ArrayList<>(BEACONS);
            withBeacons.addAll(cover);
            cover(withBeacons).forEach(p -> subs.add(prefixSubscription(p)));
        }
        return new SubscriptionPlan(subs, unfiltered, watchedPrefixes.size(), trie);
    }

    /**
     * What the parser makes prefixes of at all: the watched prefixes plus the beacons (the rest of an update is
     * skipped as text, which is most of the whole stream when it is unfiltered). The filter's own trie, in which
     * the beacons are read but not members.
     */
    PrefixTrie reading() {
        return filter;
    }

    /** The update with only our prefixes; itself when all are ours, null when none is. */
    RouteUpdate retain(RouteUpdate u) {
        int keptAnnounced = count(u.announced());
        int keptWithdrawn = count(u.withdrawn());
        if (keptAnnounced == u.announced().size() && keptWithdrawn == u.withdrawn().size()) {
            return u.isEmpty() ? null : u;
        }
        if (keptAnnounced == 0 && keptWithdrawn == 0) {
            return null;
        }
        return u.withPrefixes(kept(u.announced(), keptAnnounced), kept(u.withdrawn(), keptWithdrawn));
    }

    /** The frame that sends {@code data} as a subscription, or cancels it. */
    static String frame(String data, boolean subscribe) {
        return "{\"type\":\"" + (subscribe ? "ris_subscribe" : "ris_unsubscribe") + "\",\"data\":" + data + "}";
    }

    static String prefixSubscription(Prefix p) {
        // a canonical prefix holds only hex digits, '.', ':' and '/': nothing to escape
        return "{\"prefix\":\"" + p.cidr() + "\",\"moreSpecific\":true,\"type\":\"UPDATE\"}";
    }

    /** The prefixes that are not inside another one of them, shortest first. */
    private static List<Prefix> cover(Collection<Prefix> prefixes) {
        List<Prefix> sorted = new ArrayList<>(prefixes);
        sorted.sort(Comparator.comparingInt(Prefix::length).thenComparing(Comparator.naturalOrder()));
        PrefixTrie kept = new PrefixTrie(List.of());
        List<Prefix> out = new ArrayList<>();
        for (Prefix p : sorted) {
            if (!kept.covers(p)) {
                kept.add(p);
                out.add(p);
            }
        }
        return out;
    }

    private int count(List<Prefix> prefixes) {
        int n = 0;
        for (Prefix p : prefixes) {
            if (filter.covers(p)) {
                n++;
            }
        }
        return n;
    }

    private List<Prefix> kept(List<Prefix> prefixes, int expected) {
        if (expected == prefixes.size()) {
            return prefixes;
        }
        List<Prefix> out = new ArrayList<>(expected);
        for (Prefix p : prefixes) {
            if (filter.covers(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
