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

    /** What a check concluded, with the reason in words. */
    record Verdict(Kind kind, String why) {
        enum Kind { STAY, LAGGING, LIVE, RECONNECT }

        static final Verdict STAY = new Verdict(Kind.STAY, "");
    }

    /**
     * The watchdogs' verdict at {@code now} for a connection that is LAGGING or not: reconnect after
     * {@code beaconSilence} without beacons; else LAGGING once the newest message came more than
     * {@code maxLag} behind, LIVE again once it did not.
     */
    Verdict check(Instant now, boolean lagging, Duration maxLag, Duration beaconSilence) {
        Duration silence = beaconSilence(now);
        if (silence.compareTo(beaconSilence) > 0) {
            return new Verdict(Verdict.Kind.RECONNECT, "no message about the RIS beacons for " + Text.duration(silence)
                    + " (beacon-silence " + Text.duration(beaconSilence) + ")");
        }
        Duration lag = lastLag;
        boolean late = lag != null && lag.compareTo(maxLag) > 0;
        if (late && !lagging) {
            return new Verdict(Verdict.Kind.LAGGING, "messages arrive " + Text.duration(lag)
                    + " after the collectors saw them (max-lag " + Text.duration(maxLag) + ")");
        }
        if (!late && lagging) {
            return new Verdict(Verdict.Kind.LIVE, "caught up: messages arrive " + Text.duration(lag)
                    + " after the collectors saw them");
        }
        return Verdict.STAY;
    }

    /** For how long nothing was heard of the beacons on this connection. */
    private Duration beaconSilence(Instant now) {
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
