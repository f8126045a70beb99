package net.outageherald.source.ripestat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import net.outageherald.model.Prefix;
import net.outageherald.source.PrefixObservation;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.SourceUnavailableException;
import okhttp3.HttpUrl;

/**
 * Who sees a prefix now, from RIPEstat {@code looking-glass} (the live RIS feed, about a minute behind; the
 * 8-hourly calls must not be used for timing).
 */
public final class RipeStatRoutingSource implements RoutingSource {

    /** RIPEstat's public UI, whatever API base we poll (tests and mirrors point that elsewhere). */
    private static final HttpUrl UI = HttpUrl.get("https://stat.ripe.net/app/launchpad");

    private final RipeStatClient client;
    private final Duration lookBackLimit;
    private final Duration maxDataLag;

    /** Look-back limit and allowed lag from the client's settings. */
    public RipeStatRoutingSource(RipeStatClient client) {
        this(client, client.settings().lookBackLimit(), client.settings().maxDataLag());
    }

    /**
     * @param lookBackLimit routes not re-confirmed within this are not counted, so old entries cannot hide a
     *                      withdrawal
     * @param maxDataLag    an answer whose latest_time is further behind its query_time is {@code STALE}
     */
    public RipeStatRoutingSource(RipeStatClient client, Duration lookBackLimit, Duration maxDataLag) {
        this.client = Objects.requireNonNull(client, "client");
        this.lookBackLimit = Objects.requireNonNull(lookBackLimit, "lookBackLimit");
        this.maxDataLag = Objects.requireNonNull(maxDataLag, "maxDataLag");
        if (lookBackLimit.toSeconds() < 1) {
            throw new IllegalArgumentException("lookBackLimit must be at least one second");
        }
    }

    @Override
    public PrefixObservation observe(Prefix prefix) throws SourceUnavailableException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("resource", prefix.cidr());
        params.put("look_back_limit", Long.toString(lookBackLimit.toSeconds()));
        return client.fetch(RipeStatClient.LOOKING_GLASS, params,
                data -> LookingGlassReader.read(prefix, data, maxDataLag));
    }

    /**
     * The prefix in RIPEstat's current UI, the "newer RIPEstat UI" the Data API docs link to
     * ({@code https://stat.ripe.net/app/launchpad/175.45.176.0%2F22}); the slash is encoded so the prefix stays
     * one path segment.
     */
    @Override
    public String evidenceUrl(Prefix prefix) {
        return UI.newBuilder().addPathSegment(prefix.cidr()).build().toString();
    }
}
