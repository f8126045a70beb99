package net.outageherald.source;

import net.outageherald.model.Prefix;

/** Tells who sees a prefix right now (RIPEstat looking-glass; later RIS Live). */
public interface RoutingSource {

    /** The current view of exactly this prefix; throws when the source failed, answered garbage or lags. */
    PrefixObservation observe(Prefix prefix) throws SourceUnavailableException;

    /** A link a person can open to check the evidence for this prefix. */
    String evidenceUrl(Prefix prefix);
}
