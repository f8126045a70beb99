package net.outageherald.source.ioda;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.outageherald.model.Country;
import net.outageherald.model.Target;

/**
 * Something IODA has signals for, as IODA names it: a country by ISO code ({@code country/KP}) or an AS by
 * number ({@code asn/131279}). IODA has no prefix entities, so a prefix target has no IODA counterpart.
 *
 * @param type what kind of entity
 * @param code {@code KP} (upper case) or {@code 131279} (digits, no "AS")
 */
public record IodaEntity(Type type, String code) {

    /** IODA's entity types that we use, by their wire names. */
    public enum Type {
        COUNTRY("country"), ASN("asn");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Type> fromWire(String name) {
            for (Type t : values()) {
                if (t.wireName.equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    public IodaEntity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        code = code.strip().toUpperCase(Locale.ROOT);
        // codes go into a URL path: keep them to the shapes IODA uses, so nothing can be smuggled in
        if (type == Type.COUNTRY && !code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("an IODA country code is two letters, got '" + code + "'");
        }
        if (type == Type.ASN && !code.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("an IODA AS code is the AS number's digits, got '" + code + "'");
        }
    }

    public static IodaEntity country(Country country) {
        return new IodaEntity(Type.COUNTRY, country.code());
    }

    public static IodaEntity asn(long asn) {
        return new IodaEntity(Type.ASN, Long.toString(asn));
    }

    /** The IODA entity that covers a target, if IODA has one: countries and ASes, not prefixes. */
    public static Optional<IodaEntity> of(Target target) {
        if (target instanceof Target.Land land) {
            return Optional.of(country(land.country()));
        }
        if (target instanceof Target.As as) {
            return Optional.of(asn(as.asn()));
        }
        return Optional.empty();
    }

    /** {@code country/KP}, as in IODA's URLs. */
    public String path() {
        return type.wireName() + "/" + code;
    }
}
