package net.outageherald.model;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A country by ISO 3166-1 alpha-2 code, with its English name and the time zone its messages use.
 *
 * @param severalClocks true when some part of the country keeps another time than {@code zone} for part
 *                      of the year (US, RU, AU, ...): its local time then names the zone's city
 */
public record Country(String code, String name, ZoneId zone, boolean severalClocks) {
    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
    }

    /** A country that keeps one time throughout. */
    public Country(String code, String name, ZoneId zone) {
        this(code, name, zone, false);
    }
}
