package net.outageherald.source.rislive;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The {@code rislive:} section of the config: where the RIS Live websocket is and how carefully to use it.
 *
 * @param url                    {@code ws://} or {@code wss://}; {@value #URL_ENV} overrides. A {@code client=}
 *                               query parameter is added when missing, as RIS Live asks of every client
 * @param enabled                whether to connect at all
 * @param pingInterval           websocket ping frames this often; a missing pong fails the socket (0: no pings)
 * @param maxLag                 the stream is LAGGING while the newest message's RIS timestamp is further
 *                               behind our clock than this when it arrives
 * @param beaconSilence          reconnect when no message about the RIS beacon prefixes came for this long
 *                               (BGPalerter's canary, 4h30m: beacons are announced and withdrawn every 2 h)
 * @param reconnectBackoff       first wait before reconnecting; doubles per failure in a row
 * @param reconnectBackoffMax    cap of that wait
 * @param subscribePace          wait between two subscribe/unsubscribe messages, as BGPalerter does
 * @param maxPrefixSubscriptions above this many prefix subscriptions, subscribe to all UPDATEs instead and
 *                               filter here (BGPalerter's limit per connection)
 */
public record RisLiveConfig(String url, boolean enabled, Duration pingInterval, Duration maxLag, Duration beaconSilence,
                            Duration reconnectBackoff, Duration reconnectBackoffMax, Duration subscribePace,
                            int maxPrefixSubscriptions) {

    public static final String URL_ENV = "HERALD_RISLIVE_URL";
    public static final String DEFAULT_URL = "wss://ris-live.ripe.net/v1/ws/?client=outage-herald";

    public RisLiveConfig {
        Objects.requireNonNull(url, "url");
        List<String> problems = new ArrayList<>();
        String urlProblem = urlProblem(url);
        if (urlProblem != null) {
            problems.add("url: " + urlProblem);
        }
        notNegative(problems, "ping-interval", pingInterval);
        positive(problems, "max-lag", maxLag);
        positive(problems, "beacon-silence", beaconSilence);
        positive(problems, "reconnect-backoff", reconnectBackoff);
        if (positive(problems, "reconnect-backoff-max", reconnectBackoffMax) && reconnectBackoff != null
                && reconnectBackoffMax.compareTo(reconnectBackoff) < 0) {
            problems.add("reconnect-backoff-max: must not be below reconnect-backoff (" + reconnectBackoff + ")");
        }
        notNegative(problems, "subscribe-pace", subscribePace);
        if (maxPrefixSubscriptions < 0) {
            problems.add("max-prefix-subscriptions: must not be negative, got " + maxPrefixSubscriptions);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rislive." + String.join("; rislive.", problems));
        }
        url = url.strip();
    }

    /**
     * The public RIS Live, on; pings every 30 s; LAGGING beyond 2 min; reconnect after 4h30m without beacons;
     * reconnect after 1 s doubling to 2 min; 200 ms between subscribe messages; at most 10,000 prefix
     * subscriptions.
     */
    public static RisLiveConfig defaults() {
        return new RisLiveConfig(DEFAULT_URL, true, Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofHours(4).plusMinutes(30), Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofMillis(200),
                10_000);
    }

    /** The same settings against another server, e.g. a local replay. */
    public RisLiveConfig withUrl(String otherUrl) {
        return new RisLiveConfig(otherUrl, enabled, pingInterval, maxLag, beaconSilence, reconnectBackoff,
                reconnectBackoffMax, subscribePace, maxPrefixSubscriptions);
    }

    /**
     * The URL to open, with {@code client=outage-herald} added when it names no client, as RIS Live asks.
     * In OkHttp's http(s) form, the only one {@link HttpUrl} knows; a websocket request takes either.
     */
    public HttpUrl requestUrl() {
        String httpForm = url.regionMatches(true, 0, "wss:", 0, 4) ? "https:" + url.substring(4)
                : "http:" + url.substring(3);
        HttpUrl parsed = HttpUrl.get(httpForm);
        return parsed.queryParameter("client") != null ? parsed
                : parsed.newBuilder().addQueryParameter("client", "outage-herald").build();
    }

    /** Why {@code text} is no websocket URL for us, or null when it is one. */
    static String urlProblem(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return "'" + text + "' is not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return "'" + text + "' must start with ws:// or wss://, e.g. " + DEFAULT_URL;
        }
        if (uri.getHost() == null) {
            return "'" + text + "' has no host, e.g. " + DEFAULT_URL;
        }
        return null;
    }

    private static boolean positive(List<String> problems, String key, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(key + ": must be more than 0, got " + d);
            return false;
        }
        return true;
    }

    private static void notNegative(List<String> problems, String key, Duration d) {
        if (d == null || d.isNegative()) {
            problems.add(key + ": must not be negative, got " + d);
        }
    }
}
