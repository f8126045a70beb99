package net.outageherald.source;

import java.util.List;
import java.util.Optional;
import net.outageherald.model.Prefix;

/** Turns targets into prefixes and names (RIPEstat announced-prefixes, country-resource-list,
 * as-overview, rir-stats-country). */
public interface ResolutionSource {

    /** Prefixes the AS originated within the source's default window (two weeks for RIPEstat). */
    List<AnnouncedPrefix> announcedPrefixes(long asn) throws SourceUnavailableException;

    /** The AS's holder name ("STAR-KP Ryugyong-dong"), if the registry has one. */
    Optional<String> asHolder(long asn) throws SourceUnavailableException;

    /**
     * The country the AS is registered in (ISO code, "NL"), if the registry says: it gives the AS's messages
     * their local time. By default unknown.
     */
    default Optional<String> asCountry(long asn) throws SourceUnavailableException {
        return Optional.empty();
    }

    /** The AS numbers registered to a country (ISO code). */
    List<Long> countryAsns(String countryCode) throws SourceUnavailableException;

    /**
     * The routed prefixes a prefix target stands for: the prefix itself if announced, and its announced
     * more-specifics (175.45.176.0/22 is announced as four /24s). By default only the prefix itself.
     */
    default List<Prefix> coveredPrefixes(Prefix prefix) throws SourceUnavailableException {
        return List.of(prefix);
    }
}
