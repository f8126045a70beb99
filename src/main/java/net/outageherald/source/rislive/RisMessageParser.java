package net.outageherald.source.rislive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one RIS Live text frame ({@code {"type": ..., "data": {...}}}, or a bare {@code data} object as in
 * some captures) into a {@link RisEvent}. Never throws for a bad frame: it gives {@link RisEvent.Unparseable}
 * with the reason, so one odd message costs a counter, not the connection.
 *
 * <p>One streaming pass per frame, fields in any order, without a tree: the whole stream is ~10,000 frames a
 * second, and a slow reader is closed by RIS Live. Fields we do not use ({@code raw}, {@code community}, …) are
 * skipped without being decoded. Field names are matched in the order RIS Live writes them
 * ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}, a plain comparison of
 * characters), so the usual frame needs no symbol-table lookup; any other order still reads, by lookup. The
 * small values come from the parser's characters ({@link FrameText}). Thread-safe.
 */
public final class RisMessageParser {

    private static final JsonFactory JSON = new JsonFactory();
    /** The fields of {@code data}, in the order RIS Live writes them. */
    private static final String[] DATA_ORDER = {"timestamp", "peer", "peer_asn", "id", "host", "type", "path",
        "community", "origin", "announcements", "withdrawals"};
    private static final SerializedString[] DATA_NAMES = names(DATA_ORDER);
    private static final String[] TOP_ORDER = {"type", "data"};
    private static final SerializedString[] TOP_NAMES = names(TOP_ORDER);
    private static final String[] TYPES = {"ris_message", "pong", "ris_error", "ris_rrc_list", "ris_subscribe_ok"};
    private static final String[] BGP_TYPES = {"UPDATE", "KEEPALIVE", "RIS_PEER_STATE", "OPEN", "NOTIFICATION"};

    /** {@code rrc21.ripe.net} → {@code rrc21}, remembered: there are only a few dozen collectors. */
    private final ConcurrentHashMap<String, String> collectors = new ConcurrentHashMap<>();

    /** The event for one frame; {@link RisEvent.Unparseable} when it cannot be read. */
    public RisEvent parse(String frame) {
        return parse(frame, null);
    }

    /**
     * As {@link #parse(String)}, with only the prefixes in (or inside) {@code keep} in a {@link RouteUpdate}; the
     * others are skipped unread. A prefix that is not well-formed is still read, so it still makes the frame
     * unparseable. Null keeps all.
     */
    RisEvent parse(String frame, PrefixTrie keep) {
        if (frame == null || frame.isBlank()) {
            return new RisEvent.Unparseable("empty frame");
        }
        try (JsonParser p = JSON.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new RisEvent.Unparseable("not a JSON object");
            }
            return frame(p, keep);
        } catch (IOException e) {
            return new RisEvent.Unparseable("not JSON: " + firstLine(e.getMessage()));
        } catch (IllegalArgumentException e) { // a bad prefix, AS path or number: Prefix says what is wrong
            return new RisEvent.Unparseable(firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            return new RisEvent.Unparseable(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private RisEvent frame(JsonParser p, PrefixTrie keep) throws IOException {
        String type = null;
        boolean sawData = false;
        boolean bare = false;
        FrameFields f = new FrameFields();
        f.keep = keep;
        int[] predict = {0};
        for (String name; (name = nextName(p, TOP_ORDER, TOP_NAMES, predict)) != null; ) {
            JsonToken value = p.nextToken();
            if (name.equals("type")) {
                type = value == JsonToken.VALUE_STRING ? FrameText.oneOf(p, TYPES) : null;
            } else if (name.equals("data")) {
                sawData = true;
                if (value == JsonToken.START_OBJECT) {
                    int[] next = {0};
                    for (String field; (field = nextName(p, DATA_ORDER, DATA_NAMES, next)) != null; ) {
                        dataField(field, p.nextToken(), p, f);
                    }
                } else if (value == JsonToken.START_ARRAY) {
                    f.strings = RouteFields.strings(p);
                }
            } else {
                // a capture line holding just the data object: its fields are at the top
                bare = true;
                dataField(name, value, p, f);
            }
        }
        if (!sawData && bare) {
            f.bgpType = type;
            return risMessage(f);
        }
        if (type == null) {
            return new RisEvent.Unparseable("no type");
        }
        switch (type) {
            case "ris_message":
                return sawData ? risMessage(f) : new RisEvent.Unparseable("ris_message without data");
            case "ris_error":
                String message = f.message == null ? "" : f.message;
                return new RisEvent.ServerError(message, message.contains("behind by more than"));
            case "pong":
                return new RisEvent.Pong();
            case "ris_rrc_list":
                return new RisEvent.RrcList(f.strings == null ? List.of() : f.strings);
            case "ris_subscribe_ok":
                return new RisEvent.SubscribeOk();
            default:
                return new RisEvent.Ignored("unknown type '" + type + "'");
        }
    }

    /**
     * The next field's name, or null at the end of the object: {@code names[predict[0]]} is tried first, by
     * comparing characters; when it is not that one, the name is read as usual. Either way {@code predict}
     * moves on to the field after it in {@code order}.
     */
    static String nextName(JsonParser p, String[] order, SerializedString[] names, int[] predict)
            throws IOException {
        int at = predict[0];
        if (at < names.length) {
            if (p.nextFieldName(names[at])) {
                predict[0] = at + 1;
                return order[at];
            }
        } else {
            p.nextToken(); // past the last field we expect: no guess
        }
        if (p.currentToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String name = p.currentName();
        for (int i = 0; i < order.length; i++) {
            if (order[i].equals(name)) {
                predict[0] = i + 1;
                break;
            }
        }
        return name;
    }

    static SerializedString[] names(String[] order) {
        SerializedString[] out = new SerializedString[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = new SerializedString(order[i]);
        }
        return out;
    }

    /** Reads one field of {@code data}; the parser stands on its value, and is left on the value's last token. */
    private void dataField(String name, JsonToken value, JsonParser p, FrameFields f) throws IOException {
        switch (name) {
            case "timestamp":
                f.at = value.isNumeric() || value == JsonToken.VALUE_STRING ? FrameText.seconds(p) : null;
                if (f.at != null) {
                    f.timestamp = 0; // read; the instant holds it
                } else if (value.isNumeric()) {
                    f.timestamp = p.getDoubleValue();
                } else if (value == JsonToken.VALUE_STRING) {
                    f.timestamp = Double.parseDouble(p.getText());
                }
                break;
            case "peer":
                f.peer = value == JsonToken.VALUE_STRING ? p.getText() : null;
                break;
            case "peer_asn": // a string in RIS Live
                long asn = value == JsonToken.VALUE_STRING ? FrameText.digits(p) : -1;
                f.peerAsn = asn >= 0 ? asn : value == JsonToken.VALUE_STRING ? Long.parseLong(p.getText())
                        : value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                break;
            case "host":
                if (value == JsonToken.VALUE_STRING) {
                    String rrc = FrameText.rrc(p);
                    f.host = rrc != null ? rrc : collector(p.getText());
                } else {
                    f.host = null;
                }
                break;
            case "type":
                f.bgpType = value == JsonToken.VALUE_STRING ? FrameText.oneOf(p, BGP_TYPES) : null;
                break;
            case "state":
                f.state = value == JsonToken.VALUE_STRING ? p.getText() : null;
                break;
            case "message":
                f.message = value == JsonToken.VALUE_STRING ? p.getText() : null;
                break;
            case "path":
                RouteFields.path(value, p, f);
                break;
            case "announcements":
                f.routeFields = true;
                RouteFields.announcements(value, p, f);
                break;
            case "withdrawals":
                f.routeFields = true;
                RouteFields.withdrawals(value, p, f);
                break;
            default:
                p.skipChildren(); // raw, id, community, med, aggregator, origin, OPEN details…
        }
    }

    private RisEvent risMessage(FrameFields f) {
        if (Double.isNaN(f.timestamp)) {
            return new RisEvent.Unparseable("ris_message without timestamp");
        }
        Instant at = f.at != null ? f.at : instant(f.timestamp);
        String type = f.bgpType == null ? "" : f.bgpType;
        boolean update = type.equals("UPDATE") || (type.isEmpty() && f.routeFields);
        boolean peerState = type.equals("RIS_PEER_STATE");
        if (update || peerState) {
            if (f.peer == null || f.host == null) {
                return new RisEvent.Unparseable((update ? "UPDATE" : "RIS_PEER_STATE") + " without "
                        + (f.peer == null ? "peer" : "host"));
            }
            if (peerState) {
                return f.state == null ? new RisEvent.Unparseable("RIS_PEER_STATE without state")
                        : new PeerState(f.host, f.peer, f.peerAsn, at, f.state);
            }
            long origin = f.origin > 0 ? f.origin : RouteUpdate.NO_ASN;
            long upstream = origin != RouteUpdate.NO_ASN && f.upstream > 0 ? f.upstream : RouteUpdate.NO_ASN;
            return new RouteUpdate(f.host, f.peer, f.peerAsn, at, orEmpty(f.announced), origin, upstream,
                    orEmpty(f.withdrawn));
        }
        // KEEPALIVE, OPEN, NOTIFICATION, or no type and no routes: alive, nothing to route
        return new RisMessage.Other(type, f.host == null ? "" : f.host, f.peer == null ? "" : f.peer, at);
    }

    private String collector(String host) {
        String known = collectors.get(host);
        if (known != null) {
            return known;
        }
        int dot = host.indexOf('.');
        String name = (dot > 0 ? host.substring(0, dot) : host).toLowerCase(Locale.ROOT);
        if (collectors.size() < 1000) { // a bound, in case a stream ever sends junk host names
            collectors.put(host, name);
        }
        return name;
    }

    /** Float seconds to an instant, rounded to the microsecond so that 1562822767.1 is exactly .100. */
    static Instant instant(double seconds) {
        long whole = (long) Math.floor(seconds);
        long micros = Math.round((seconds - whole) * 1_000_000);
        if (micros >= 1_000_000) {
            whole++;
            micros -= 1_000_000;
        }
        return Instant.ofEpochSecond(whole, micros * 1_000);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
