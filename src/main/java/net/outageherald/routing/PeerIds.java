package net.outageherald.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers RIS peers ("RRC00 192.0.2.1", collector and peer address) so the picture of a prefix is a small
 * bit set instead of a set of strings: 10,000 prefixes seen by 300 peers fit in a few megabytes. The
 * looking glass writes {@code RRC00} and compressed IPv6, the stream {@code rrc00}: both name one peer.
 * Not thread-safe: {@link RoutingTable} holds its lock while calling it; a replay's capture index has its own.
 */
public final class PeerIds {

    private final Map<String, Integer> byRaw = new HashMap<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final List<String> keys = new ArrayList<>();

    /** The id of the peer at {@code collector} with address {@code address}, made on first sight. */
    public int id(String collector, String address) {
        String raw = collector + ' ' + address;
        Integer known = byRaw.get(raw);
        if (known != null) {
            return known;
        }
        String key = collector.toUpperCase(Locale.ROOT) + ' ' + canonical(address);
        Integer id = byKey.get(key);
        if (id == null) {
            id = keys.size();
            keys.add(key);
            byKey.put(key, id);
        }
        byRaw.put(raw, id);
        return id;
    }

    /** The id of a peer written as the looking glass writes it ("RRC00 192.0.2.1"). */
    int id(String peer) {
        int space = peer.indexOf(' ');
        return space < 0 ? id("", peer) : id(peer.substring(0, space), peer.substring(space + 1));
    }

    String key(int id) {
        return keys.get(id);
    }

    /** The collector of a peer ("RRC00"). */
    String collector(int id) {
        String k = keys.get(id);
        int space = k.indexOf(' ');
        return space < 0 ? "" : k.substring(0, space);
    }

    private static String canonical(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // an IPv6 literal is parsed, never looked up; both spellings end in Java's one text form
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
    }
}
