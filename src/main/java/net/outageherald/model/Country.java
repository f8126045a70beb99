package net.outageherald.model;

import java.time.ZoneId;
import java.util.Objects;

/** A country by ISO 3166-1 alpha-2 code, with its English name and the time zone its messages use. */
public record Country(String code, String name, ZoneId zone) {
    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
    }
}
