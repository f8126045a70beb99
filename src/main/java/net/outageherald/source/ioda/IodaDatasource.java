package net.outageherald.source.ioda;

import java.time.Duration;
import java.util.Optional;

/**
 * The IODA signals we read, by their wire name, with what they count and how often IODA bins them
 * (InetIntel/ioda-api {@code DatasourceService.php}).
 */
public enum IodaDatasource {
    /** Routed address space: /24 blocks visible in BGP (RouteViews and RIS collectors). */
    BGP("bgp", "IODA BGP", "visible /24s", Duration.ofMinutes(5)),
    /** Active probing (Trinocular-style pings): /24 blocks that answer. */
    PING_SLASH24("ping-slash24", "IODA active probing", "up /24s", Duration.ofMinutes(10)),
    /** Merit's network telescope: hosts whose unsolicited traffic arrives, a sign that they are online. */
    MERIT_NT("merit-nt", "IODA telescope", "unique source IPs", Duration.ofMinutes(5));

    private final String wireName;
    private final String label;
    private final String unit;
    private final Duration nativeStep;

    IodaDatasource(String wireName, String label, String unit, Duration nativeStep) {
        this.wireName = wireName;
        this.label = label;
        this.unit = unit;
        this.nativeStep = nativeStep;
    }

    /** As in IODA's URLs and answers: {@code bgp}, {@code ping-slash24}, {@code merit-nt}. */
    public String wireName() {
        return wireName;
    }

    /** How messages name the signal: "IODA active probing". */
    public String label() {
        return label;
    }

    /** What one unit of the signal is, plural: "up /24s". */
    public String unit() {
        return unit;
    }

    /** IODA's bin width for this signal when it is not downsampled. */
    public Duration nativeStep() {
        return nativeStep;
    }

    public static Optional<IodaDatasource> fromWire(String name) {
        for (IodaDatasource d : values()) {
            if (d.wireName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
