package net.outageherald.chart;

/**
 * Where a chart's samples come from, and so how it is labelled: our own prefix-level watch over RIPE RIS (the
 * share of the address space visible, and the RIS peers seeing it), or IODA's country BGP signal for a country
 * too large to watch prefix by prefix (its samples hold IODA's share of the usual level, and no peer counts).
 */
public enum ChartSource {
    RIS("Visible %", "Address space visible (%)", ChartRequest.RIS_ATTRIBUTION, true),
    IODA_SIGNAL("IODA BGP signal, % of usual", "IODA BGP signal, share of usual level (%)",
            "Data: IODA, Georgia Tech", false);

    private final String legend;
    private final String axis;
    private final String attribution;
    private final boolean peers;

    ChartSource(String legend, String axis, String attribution, boolean peers) {
        this.legend = legend;
        this.axis = axis;
        this.attribution = attribution;
        this.peers = peers;
    }

    /** The legend entry of the share line. */
    public String legend() {
        return legend;
    }

    /** The title of the left (share) axis. */
    public String axis() {
        return axis;
    }

    /** The credit line the source asks for. */
    public String attribution() {
        return attribution;
    }

    /** Whether the samples carry RIS peer counts worth drawing (IODA's do not: they are zeros). */
    public boolean hasPeers() {
        return peers;
    }
}
