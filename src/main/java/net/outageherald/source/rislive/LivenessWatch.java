package net.outageherald.source.rislive;

import java.time.Duration;
import java.time.Instant;

/**
 * What the watchdogs need to know about the stream: when the last message came and how far behind the
 * collectors it was when it came, and when the RIS beacons were last heard of. Lag is measured on arrival
 * (our clock minus the message's timestamp), not at check time, because a filtered stream can be quiet for
 * minutes without being late. Written by the reader thread, read by the checks: fields are volatile.
 */
final class LivenessWatch {

    private volatile Instant lastArrival;
    private volatile Instant lastTimestamp;
    private volatile Duration lastLag;
    private volatile Instant lastBeacon;
    private volatile Instant connectedAt;

    /** A new connection gives the beacons a full silence window again, and has no lag until it delivers. */
    void connected(Instant now) {
        connectedAt = now;
        lastLag = null;
    }

    /** A {@code ris_message} with the collectors' {@code timestamp} arrived at {@code now}. */
    void message(Instant timestamp, Instant now) {
        lastTimestamp = timestamp;
        lastArrival = now;
        lastLag = Duration.between(timestamp, now);
    }

    /** A message about a beacon prefix arrived at {@code now}. */
    void beacon(Instant now) {
        lastBeacon = now;
    }

    /** Whether the newest message arrived more than {@code maxLag} after the collectors saw it. */
    boolean lagging(Duration maxLag) {
        Duration lag = lastLag;
        return lag != null && lag.compareTo(maxLag) > 0;
    }

    /** For how long nothing was heard of the beacons on this connection. */
    Duration beaconSilence(Instant now) {
        Instant connected = connectedAt;
        Instant beacon = lastBeacon;
        Instant from = beacon == null || (connected != null && connected.isAfter(beacon)) ? connected : beacon;
        return from == null ? Duration.ZERO : Duration.between(from, now);
    }

    Instant lastArrival() {
        return lastArrival;
    }

    Instant lastTimestamp() {
        return lastTimestamp;
    }

    Duration lastLag() {
        return lastLag;
    }
}
