package net.outageherald.source.rislive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.outageherald.model.Prefix;

/**
 * Reads the route-carrying fields of an UPDATE for {@link RisMessageParser}, token by token: the AS path
 * down to origin and upstream, the announced prefixes of every next hop, the withdrawals. Each method starts
 * on the field's value and leaves the parser on its last token. A malformed value throws
 * {@link IllegalArgumentException}, which the parser turns into an unparseable frame.
 */
final class RouteFields {

    /** The fields of an announcement's next hop, in the order RIS Live writes them. */
    private static final String[] HOP_ORDER = {"next_hop", "prefixes"};
    private static final com.fasterxml.jackson.core.io.SerializedString[] HOP_NAMES =
            RisMessageParser.names(HOP_ORDER);

    private RouteFields() {
    }

    /**
     * Keeps the last two different hops of the AS path while reading it: the origin and its upstream,
     * prepending skipped. A nested array is an AS_SET; one of a single AS counts as that AS.
     */
    static void path(JsonToken value, JsonParser p, FrameFields f) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        long last = FrameFields.NONE;
        long before = FrameFields.NONE;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long hop;
            if (t == JsonToken.VALUE_NUMBER_INT) {
                hop = p.getLongValue();
            } else if (t == JsonToken.START_ARRAY) {
                hop = asSet(p);
            } else {
                throw new IllegalArgumentException("AS path element is " + t);
            }
            if (hop != last) {
                before = last;
                last = hop;
            }
        }
        f.origin = last;
        f.upstream = before;
    }

    private static long asSet(JsonParser p) throws IOException {
        long only = FrameFields.NONE;
        int members = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw new IllegalArgumentException("AS_SET element is " + t);
            }
            long asn = p.getLongValue();
            if (members == 0 || asn != only) {
                members++;
                only = asn;
            }
        }
        return members == 1 ? only : FrameFields.AS_SET;
    }

    /** {@code [{"next_hop": ..., "prefixes": [...]}, ...]}: the prefixes of every next hop, each once. */
    static void announcements(JsonToken value, JsonParser p, FrameFields f) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        Set<Prefix> seen = null;
        int hops = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            int[] predict = {0};
            for (String name; (name = RisMessageParser.nextName(p, HOP_ORDER, HOP_NAMES, predict)) != null; ) {
                JsonToken v = p.nextToken();
                if (name.equals("prefixes") && v == JsonToken.START_ARRAY) {
                    // a second next hop (IPv6 link-local) usually repeats the first one's prefixes
                    if (hops > 0 && seen == null) {
                        seen = new HashSet<>(f.announced == null ? List.of() : f.announced);
                    }
                    f.announced = prefixes(p, f.announced, seen, f.keep);
                } else {
                    p.skipChildren();
                }
            }
            hops++;
        }
    }

    /** {@code ["192.0.2.0/24", ...]}: withdrawn prefixes. */
    static void withdrawals(JsonToken value, JsonParser p, FrameFields f) throws IOException {
        if (value == JsonToken.START_ARRAY) {
            f.withdrawn = prefixes(p, f.withdrawn, null, f.keep);
        } else {
            p.skipChildren();
        }
    }

    /**
     * Reads an array of prefix strings into {@code into} (created when needed), skipping End-of-RIB and repeats,
     * and, when {@code keep} is given, every prefix that is certainly not in it: judged on the parser's own
     * characters, so such a prefix costs neither a string nor a {@link Prefix}.
     */
    private static List<Prefix> prefixes(JsonParser p, List<Prefix> into, Set<Prefix> seen, PrefixTrie keep)
            throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("prefix is " + t);
            }
            if (keep != null && keep.surelyOutside(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
                continue;
            }
            String text = p.getText();
            if (text.equalsIgnoreCase("eor")) {
                continue;
            }
            Prefix prefix = PrefixText.parse(text);
            if (seen != null && !seen.add(prefix)) {
                continue;
            }
            if (into == null) {
                into = new ArrayList<>(4);
            }
            into.add(prefix);
        }
        return into;
    }

    /** The strings of an array, e.g. the collectors of {@code ris_rrc_list}; anything else in it is skipped. */
    static List<String> strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return out;
    }
}
