package net.outageherald.store;

import java.time.Instant;
import java.util.List;
import net.outageherald.model.TargetState;
import net.outageherald.model.Prefix;

/**
 * A watched target as stored: its resolution (name, country, prefixes, when resolved) and its state.
 */
public record TargetRecord(String key, String name, String countryCode, List<Prefix> prefixes, Instant resolvedAt,
                           TargetState state) {
    public TargetRecord {
        prefixes = List.copyOf(prefixes);
    }
}
