package net.outageherald.source.ripestat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import net.outageherald.model.Prefix;
import net.outageherald.source.AnnouncedPrefix;
import net.outageherald.source.ResolutionSource;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;

/**
 * Turns targets into prefixes and names from RIPEstat: {@code announced-prefixes} (the prefixes an AS
 * originated in a recent window), {@code as-overview} (the holder's name), {@code rir-stats-country} (the
 * country an AS is registered in, for local times) and {@code country-resource-list} (the ASes registered to a
 * country; registry data, not routing).
 */
public final class RipeStatResolutionSource implements ResolutionSource {

    /** Days, not hours: a prefix that vanished is the outage itself, not a reason to stop watching it. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final RipeStatClient client;
    private final Clock clock;
    private final Duration window;

    public RipeStatResolutionSource(RipeStatClient client, Clock clock) {
        this(client, clock, DEFAULT_WINDOW);
    }

    /** @param window how far back announced-prefixes looks (its {@code starttime}) */
    public RipeStatResolutionSource(RipeStatClient client, Clock clock, Duration window) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** Prefixes seen in the window, each with the end of its last timeline; sorted by prefix. */
    @Override
    public List<AnnouncedPrefix> announcedPrefixes(long asn) throws SourceUnavailableException {
        String call = RipeStatClient.ANNOUNCED_PREFIXES;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("resource", "AS" + asn);
        params.put("starttime", RipeStatJson.formatTime(clock.instant().minus(window)));
        JsonNode prefixes = client.fetch(call, params).get("prefixes");
        if (prefixes == null || !prefixes.isArray()) {
            throw malformed(call, "no prefixes array for AS" + asn);
        }
        Map<Prefix, Instant> lastSeen = new LinkedHashMap<>();
        for (JsonNode entry : prefixes) {
            Prefix prefix = prefix(call, RipeStatJson.text(entry, "prefix"));
            for (JsonNode timeline : entry.path("timelines")) {
                Instant end = time(call, RipeStatJson.text(timeline, "endtime"));
                lastSeen.merge(prefix, end, (a, b) -> a.isAfter(b) ? a : b);
            }
            // an entry without timelines says nothing about when it was seen: no watch-list entry from it
        }
        List<AnnouncedPrefix> result = new ArrayList<>();
        lastSeen.forEach((prefix, end) -> result.add(new AnnouncedPrefix(prefix, end)));
        result.sort((a, b) -> a.prefix().compareTo(b.prefix()));
        return result;
    }

    @Override
    public Optional<String> asHolder(long asn) throws SourceUnavailableException {
        JsonNode data = client.fetch(RipeStatClient.AS_OVERVIEW, Map.of("resource", "AS" + asn));
        String holder = RipeStatJson.text(data, "holder");
        return holder == null || holder.isBlank() ? Optional.empty() : Optional.of(holder.trim());
    }

    /**
     * {@code located_resources[0].location} of {@code rir-stats-country}: the country the RIR's statistics file
     * lists the AS under. Anything but a two-letter code ("", "ZZ" for unknown, nothing listed) is no country.
     */
    @Override
    public Optional<String> asCountry(long asn) throws SourceUnavailableException {
        JsonNode located = client.fetch(RipeStatClient.RIR_STATS_COUNTRY, Map.of("resource", "AS" + asn))
                .get("located_resources");
        if (located == null || !located.isArray()) {
            throw malformed(RipeStatClient.RIR_STATS_COUNTRY, "no located_resources array for AS" + asn);
        }
        for (JsonNode entry : located) {
            String code = RipeStatJson.text(entry, "location");
            if (code != null && code.trim().matches("[A-Za-z]{2}") && !code.trim().equalsIgnoreCase("ZZ")) {
                return Optional.of(code.trim().toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** The ASes of the country's registry entries, in RIPEstat's order, without duplicates. */
    @Override
    public List<Long> countryAsns(String countryCode) throws SourceUnavailableException {
        String call = RipeStatClient.COUNTRY_RESOURCE_LIST;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("resource", countryCode.trim().toUpperCase(Locale.ROOT));
        // asks for CIDR instead of ranges; unused here, but keeps the answer the shape we recorded
        params.put("v4_format", "prefix");
        JsonNode asns = client.fetch(call, params).path("resources").get("asn");
        if (asns == null || !asns.isArray()) {
            throw malformed(call, "no resources.asn array for " + countryCode);
        }
        Set<Long> result = new LinkedHashSet<>();
        for (JsonNode asn : asns) {
            OptionalLong parsed = RipeStatJson.asn(asn);
            if (parsed.isEmpty()) {
                throw malformed(call, "not an AS number: " + asn);
            }
            result.add(parsed.getAsLong());
        }
        return List.copyOf(result);
    }

    /**
     * The prefix itself if it has an origin, and its announced more-specifics, from {@code routing-status}
     * (8-hourly, fine for a watch list). 175.45.176.0/22 is announced as four /24s, so all four are watched.
     * A source that cannot answer this call for the prefix leaves the prefix alone on the list.
     */
    @Override
    public List<Prefix> coveredPrefixes(Prefix prefix) throws SourceUnavailableException {
        String call = RipeStatClient.ROUTING_STATUS;
        JsonNode data;
        try {
            data = client.fetch(call, Map.of("resource", prefix.cidr()));
        } catch (SourceUnavailableException e) {
            // a refusal (4xx) or an answer we cannot use is final; a failure (5xx, timeout) is retried later
            boolean refused = e.reason() == Reason.HTTP_ERROR && e.getMessage().matches(".*HTTP 4\\d\\d.*");
            if (refused || e.reason() == Reason.ERROR_ENVELOPE || e.reason() == Reason.MALFORMED) {
                return List.of(prefix);
            }
            throw e;
        }
        Set<Prefix> out = new LinkedHashSet<>();
        JsonNode origins = data.path("origins");
        if (origins.isArray() && origins.size() > 0) {
            out.add(prefix);
        }
        for (JsonNode more : data.path("more_specifics")) {
            String text = more.path("prefix").asText("");
            if (!text.isEmpty()) {
                out.add(prefix(call, text));
            }
        }
        return out.isEmpty() ? List.of(prefix) : List.copyOf(out);
    }

    private static Prefix prefix(String call, String text) throws SourceUnavailableException {
        if (text == null) {
            throw malformed(call, "entry without prefix");
        }
        try {
            return Prefix.parse(text);
        } catch (IllegalArgumentException e) {
            throw malformed(call, e.getMessage());
        }
    }

    private static Instant time(String call, String text) throws SourceUnavailableException {
        if (text == null) {
            throw malformed(call, "timeline without endtime");
        }
        try {
            return RipeStatJson.time(text);
        } catch (DateTimeParseException e) {
            throw malformed(call, "not a time: " + text);
        }
    }

    private static SourceUnavailableException malformed(String call, String detail) {
        return new SourceUnavailableException(call, Reason.MALFORMED, detail);
    }
}
