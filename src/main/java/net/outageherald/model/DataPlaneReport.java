package net.outageherald.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A second opinion about a target from a source that measures more than routing (IODA: active probing, a
 * network telescope, its own BGP count), as fresh as it was when a message is written. A plain value, so that
 * message writing needs no source code: whoever has the data builds it, and {@link DataPlaneReports} hands it
 * over.
 *
 * @param lines       one per fresh signal: "IODA active probing: 12 % of usual up /24s"
 * @param link        where people can see the source's own view of the target
 * @param attribution the credit line the source asks for ("Data: IODA, Georgia Tech")
 * @param recovery    for a restoration: how the data plane did since the outage began; null when unknown
 */
public record DataPlaneReport(List<String> lines, String link, String attribution, Recovery recovery) {

    public DataPlaneReport {
        lines = List.copyOf(lines);
        Objects.requireNonNull(attribution, "attribution");
    }

    /**
     * What the data plane did during an outage, by one signal.
     *
     * @param signal      how messages name it: "IODA active probing"
     * @param backAt      start of the bin from which it reads its usual level again, or null
     * @param neverDropped it stayed at its usual level throughout: the outage was in the routing only
     * @param now         its current reading as a line, for "not back to usual yet"
     */
    public record Recovery(String signal, Instant backAt, boolean neverDropped, String now) {
        public Recovery {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(now, "now");
        }
    }
}
