package net.outageherald.model;

/**
 * Something people follow: an AS, a prefix or a country. {@link #key()} is the stable, canonical
 * spelling used in the database, the config and messages ("AS131279", "175.45.176.0/22", "KP").
 */
public sealed interface Target permits Target.As, Target.Net, Target.Land {

    String key();

    /** A short label for messages before the holder name is known. */
    default String label() {
        return key();
    }

    /** An autonomous system, resolved to the prefixes it originates. */
    record As(long asn) implements Target {
        public As {
            if (asn <= 0 || asn > 4_294_967_295L) {
                throw new IllegalArgumentException("AS number must be between 1 and 4294967295, got " + asn);
            }
        }

        @Override
        public String key() {
            return "AS" + asn;
        }
    }

    /** A prefix and its announced more-specifics. */
    record Net(Prefix prefix) implements Target {
        @Override
        public String key() {
            return prefix.cidr();
        }
    }

    /** A country, resolved to the prefixes of its ASes. */
    record Land(Country country) implements Target {
        @Override
        public String key() {
            return country.code();
        }

        @Override
        public String label() {
            return country.name() + " (" + country.code() + ")";
        }
    }
}
