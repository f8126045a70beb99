package net.outageherald.model;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A country by ISO 3166-1 alpha-2 code, with its English name and the time zone its messages use. The zones are
 * kept by name and their rules read when a message needs them: the JDK keeps every zone's rules once read, and
 * the ~400 zones of all countries cost about 2 MB for as long as the process runs.
 *
 * @param zoneName   the zone its messages use ("Asia/Pyongyang")
 * @param otherZones the country's other zones in the tz database, for {@link #severalClocks()}
 */
public record Country(String code, String name, String zoneName, List<String> otherZones) {

    /** {@link #severalClocks()} per country code, worked out once. */
    private static final Map<String, Boolean> SEVERAL_CLOCKS = new ConcurrentHashMap<>();

    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zoneName, "zoneName");
        otherZones = List.copyOf(otherZones);
    }

    /** A country that keeps one time throughout. */
    public Country(String code, String name, String zoneName) {
        this(code, name, zoneName, List.of());
    }

    /** The zone its messages use. */
    public ZoneId zone() {
        return ZoneId.of(zoneName);
    }

    /**
     * True when some part of the country keeps another time than {@link #zone()} for part of the year (US, RU,
     * AU, ...): its local time then names the zone's city.
     */
    public boolean severalClocks() {
        return !otherZones.isEmpty()
                && SEVERAL_CLOCKS.computeIfAbsent(code, c -> Countries.severalClocks(zone(), otherZones));
    }
}
