package net.outageherald.notify.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.outageherald.model.DataPlaneReport;
import net.outageherald.model.DataPlaneReports;
import net.outageherald.model.EventType;
import net.outageherald.model.Countries;
import net.outageherald.model.Country;
import net.outageherald.model.Event;
import net.outageherald.model.Facts;
import net.outageherald.model.Message.Field;
import net.outageherald.model.Message;
import net.outageherald.model.Status;

/** Writes the words for each event: a headline, one summary sentence, and the facts as fields. */
public final class EventMessages implements Messages {

    static final String FOOTER = "Data: RIPE NCC RIS via RIPEstat";
    private static final int MAX_PREFIXES = 20;

    /** The credit line of a message that a country-wide signal spoke in, when no fresh report names its own. */
    static final String SIGNAL_FOOTER = "Data: IODA, Georgia Tech";

    private final Countries countries;
    private final DataPlaneReports dataPlane;

    /**
     * @param dataPlane a second opinion for outage and restoration messages (IODA's signals), from memory: whatever
     *                  is fresh when the message is written, else nothing, never a wait
     */
    public EventMessages(Countries countries, DataPlaneReports dataPlane) {
        this.countries = countries;
        this.dataPlane = dataPlane;
    }

    public EventMessages(Countries countries) {
        this(countries, DataPlaneReports.NONE);
    }

    public EventMessages() {
        this(Countries.all());
    }

    public EventMessages(DataPlaneReports dataPlane) {
        this(Countries.all(), dataPlane);
    }

    @Override
    public Message forEvent(Event e) {
        Message m = words(e);
        if (!e.type().isOutageEvent() || e.aboutRoutingData() || !f(e).prefixesWithdrawn().isEmpty()) {
            return e.facts().bySignal() ? withFooter(m, SIGNAL_FOOTER) : m;
        }
        return corroborated(e, m);
    }

    private static Facts f(Event e) {
        return e.facts();
    }

    /**
     * The message with the second opinion that is fresh right now: for an outage the signals' lines, for a
     * restoration when the data plane came back, each with the dashboard link and the source's credit line.
     * Without a fresh report, the message as it is (a country that IODA spoke for keeps IODA's credit).
     */
    private Message corroborated(Event e, Message m) {
        Optional<DataPlaneReport> report;
        try {
            report = dataPlane.about(e.targetKey(), e.outageStart() != null ? e.outageStart() : e.at());
        } catch (RuntimeException ex) {
            report = Optional.empty(); // a second opinion never holds a message back
        }
        if (report.isEmpty()) {
            return e.facts().bySignal() ? withFooter(m, SIGNAL_FOOTER) : m;
        }
        DataPlaneReport r = report.get();
        List<Field> fields = new ArrayList<>(m.fields());
        if (e.type() == EventType.RESTORED) {
            String back = recovery(r.recovery());
            if (back != null) {
                fields.add(new Field("Data plane", back, false));
            }
        } else if (!r.lines().isEmpty()) {
            fields.add(new Field("Corroboration", String.join("\n", r.lines()), false));
        }
        if (r.link() != null && !r.link().equals(m.link())) {
            fields.add(new Field("IODA dashboard", r.link(), false));
        }
        String footer = e.facts().bySignal() ? r.attribution() : m.footer() + " · " + r.attribution();
        return new Message(m.status(), m.headline(), m.summary(), fields, m.timestamp(), m.link(), footer);
    }

    /** "IODA active probing back to usual at 22 Dec 16:40 UTC", or why not; null when unknown. */
    private static String recovery(DataPlaneReport.Recovery r) {
        if (r == null) {
            return null;
        }
        if (r.backAt() != null) {
            return r.signal() + " back to usual at " + HumanFormat.time(r.backAt(), null);
        }
        if (r.neverDropped()) {
            return r.signal() + " did not drop during the outage: it was in the routing, not the traffic";
        }
        return r.now() + ", not back to usual yet";
    }

    private static Message withFooter(Message m, String footer) {
        return new Message(m.status(), m.headline(), m.summary(), m.fields(), m.timestamp(), m.link(), footer);
    }

    private Message words(Event e) {
        Facts f = e.facts();
        String name = e.targetName();
        return switch (e.type()) {
            case OUTAGE_STARTED -> new Message(e.status(),
                    name + " is " + e.status().words(), summary(e), outageFields(e), e.at(),
                    f.evidenceUrl(), FOOTER);
            case OUTAGE_CHANGED -> new Message(e.status(),
                    e.status() == Status.DOWN ? name + " is now fully offline" : name + " is partly back online",
                    summary(e), outageFields(e), e.at(), f.evidenceUrl(), FOOTER);
            case RESTORED -> !f.prefixesWithdrawn().isEmpty() ? withdrawn(e) : new Message(Status.UP,
                    name + " is back online" + (e.duration() == null ? "" : " after " + HumanDurations.human(e.duration())),
                    f.bySignal() ? "IODA's BGP signal for " + name + " is back to its usual level." : f.prefixesTotal() + " of " + HumanFormat.count(f.prefixesTotal(), "prefix", "prefixes")
                            + " visible again, the best-seen one by "
                            + HumanFormat.count(f.peersNow(), "RIS peer", "RIS peers") + ".",
                    restoredFields(e), e.at(), f.evidenceUrl(), FOOTER);
            case MONITORING_DEGRADED -> e.aboutRoutingData() ? onHold(e) : new Message(Status.UNKNOWN,
                    "Monitoring of " + name + " is degraded",
                    (f.bySignal() ? "No fresh IODA data" : "No usable routing data") + (e.duration() == null ? "" : " for " + HumanDurations.human(e.duration()))
                            + (f.reason() == null ? "" : " (" + f.reason() + ")")
                            + ". Its status is unknown, not down: no outage is reported without data.",
                    List.of(new Field("Since", HumanFormat.time(e.at(), null), true)), e.at(), f.evidenceUrl(), FOOTER);
            case MONITORING_RECOVERED -> e.aboutRoutingData() ? resumed(e) : new Message(Status.UP,
                    "Monitoring of " + name + " has recovered",
                    (f.bySignal() ? "IODA data is fresh again" : "Routing data is usable again") + (e.duration() == null ? "" : " after a gap of "
                            + HumanDurations.human(e.duration())) + ". Current status: " + e.status().words() + ".",
                    List.of(), e.at(), f.evidenceUrl(), FOOTER);
        };
    }

    /**
     * To the operators: the data source looks wrong, so what it says is not reported as outages for now. The
     * reason says what is wrong and what to do, as the detector alone knows which check tripped.
     */
    private static Message onHold(Event e) {
        String why = e.facts().reason() == null ? "The routing data looks wrong" : e.facts().reason();
        return new Message(Status.UNKNOWN, "Outage reports on hold: the routing data looks wrong", why + ".",
                List.of(new Field("Since", HumanFormat.time(e.at(), null), true)), e.at(), null, FOOTER);
    }

    private static Message resumed(Event e) {
        String why = e.facts().reason() == null ? "The routing data looks normal again" : e.facts().reason();
        List<Field> fields = e.duration() == null ? List.of()
                : List.of(new Field("On hold for", HumanDurations.human(e.duration()), true));
        return new Message(Status.UP, "Outage reports resumed: the routing data looks right again", why + ".",
                fields, e.at(), null, FOOTER);
    }

    /**
     * A partial outage that ended because the target stopped announcing the dark prefixes: said as what it is,
     * not as "back online", since those prefixes did not come back.
     */
    private Message withdrawn(Event e) {
        Facts f = e.facts();
        List<String> gone = f.prefixesWithdrawn();
        String which = HumanFormat.count(gone.size(), "prefix", "prefixes") + ": " + HumanFormat.list(gone, 3);
        boolean one = gone.size() == 1;
        String dark = e.duration() == null ? "" : " for " + HumanDurations.human(e.duration());
        String summary = (one ? "It was" : "They were") + " dark" + dark + " while the rest of "
                + e.targetName() + " stayed visible, and RIPEstat no longer lists " + (one ? "it" : "them")
                + " as announced: most likely withdrawn on purpose. " + (one ? "It is" : "They are")
                + " no longer watched, and everything " + e.targetName() + " announces now is visible, so this"
                + " partial outage is closed. If " + (one ? "it" : "they") + " should still be announced, that is"
                + " for the network's operator to check.";
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Prefixes withdrawn", HumanFormat.list(gone, MAX_PREFIXES), false));
        fields.addAll(resolvedFields(e));
        if (e.duration() != null) {
            fields.add(new Field("Duration", HumanDurations.human(e.duration()), true));
        }
        return new Message(Status.UP, e.targetName() + " stopped announcing " + which, summary, fields, e.at(),
                f.evidenceUrl(), FOOTER);
    }

    @Override
    public Message resolvedOriginal(Event restored) {
        String lasted = restored.duration() == null ? "" : " for " + HumanDurations.human(restored.duration());
        List<String> gone = restored.facts().prefixesWithdrawn();
        if (!gone.isEmpty()) {
            return new Message(Status.UP, "Closed: " + restored.targetName() + " stopped announcing "
                    + HumanFormat.count(gone.size(), "prefix", "prefixes") + " (partly offline" + lasted + ")",
                    "This outage is over: " + HumanFormat.list(gone, 3) + (gone.size() == 1 ? " is" : " are")
                            + " no longer announced.", resolvedFields(restored), restored.at(),
                    restored.facts().evidenceUrl(), FOOTER);
        }
        return new Message(Status.UP, "Resolved: " + restored.targetName() + " was offline" + lasted,
                "This outage is over.", resolvedFields(restored), restored.at(), restored.facts().evidenceUrl(), FOOTER);
    }

    private List<Field> resolvedFields(Event restored) {
        List<Field> fields = new ArrayList<>();
        if (restored.outageStart() != null) {
            fields.add(new Field("Began", HumanFormat.timeIn(restored.outageStart(), country(restored)), true));
        }
        fields.add(new Field("Ended", HumanFormat.timeIn(restored.at(), country(restored)), true));
        return fields;
    }

    private String summary(Event e) {
        Facts f = e.facts();
        if (!f.bySignal()) {
            return darkSummary(f, e.status());
        }
        return "IODA's BGP signal sees " + percent(1 - f.darkShare()) + " of the /24 blocks it usually sees routed"
                + " in " + e.targetName() + ".";
    }

    private String darkSummary(Facts f, Status status) {
        int dark = f.prefixesAffected().size();
        String what;
        if (status == Status.DOWN && dark == f.prefixesTotal()) {
            what = dark == 1 ? "Its only prefix" : "All " + dark + " prefixes";
        } else {
            what = dark + " of " + HumanFormat.count(f.prefixesTotal(), "prefix", "prefixes");
        }
        String space = addressSpace(f);
        String verb = dark == 1 ? " is" : " are";
        return what + (space.isEmpty() ? "" : " (" + space + ")") + verb
                + " no longer visible in the global routing table.";
    }

    private static String addressSpace(Facts f) {
        List<String> parts = new ArrayList<>();
        if (f.v4Affected() > 0) {
            parts.add(HumanFormat.count(f.v4Affected(), "IPv4 address", "IPv4 addresses"));
        }
        if (f.v6Slash48Affected() > 0) {
            parts.add(HumanFormat.count(f.v6Slash48Affected(), "IPv6 /48", "IPv6 /48s"));
        }
        return String.join(" and ", parts);
    }

    private List<Field> outageFields(Event e) {
        Facts f = e.facts();
        List<Field> fields = new ArrayList<>();
        if (f.bySignal()) {
            fields.add(new Field("Source", f.source(), false));
            fields.add(new Field("Since", HumanFormat.timeIn(e.outageStart() != null ? e.outageStart() : e.at(),
                    country(e)), false));
            return fields;
        }
        if (!f.prefixesAffected().isEmpty()) {
            fields.add(new Field("Prefixes dark", HumanFormat.list(f.prefixesAffected(), MAX_PREFIXES), false));
        }
        if (f.darkShare() > 0) {
            // how much of the target this is: "3 of 20 prefixes, 12 % of the address space"
            fields.add(new Field("Dark", f.prefixesAffected().size() + " of " + HumanFormat.count(f.prefixesTotal(),
                    "prefix", "prefixes") + ", " + percent(f.darkShare()) + " of the address space", true));
        }
        fields.add(new Field("Seen by", f.peersNow() + " RIS peers (normally " + f.peersNormally() + ")", true));
        if (!f.upstreams().isEmpty()) {
            fields.add(new Field("Upstreams before", HumanFormat.list(
                    f.upstreams().stream().map(a -> "AS" + a).toList(), 10), true));
        }
        fields.add(new Field("Since", HumanFormat.timeIn(e.outageStart() != null ? e.outageStart() : e.at(), country(e)),
                false));
        return fields;
    }

    private List<Field> restoredFields(Event e) {
        List<Field> fields = new ArrayList<>();
        if (e.facts().bySignal()) {
            fields.add(new Field("Source", e.facts().source(), false));
        }
        if (e.outageStart() != null) {
            fields.add(new Field("Began", HumanFormat.timeIn(e.outageStart(), country(e)), true));
        }
        fields.add(new Field("Back", HumanFormat.timeIn(e.at(), country(e)), true));
        if (e.duration() != null) {
            fields.add(new Field("Duration", HumanDurations.human(e.duration()), true));
        }
        return fields;
    }

    /** 0.123 → "12 %"; never rounds a part to nothing or to the whole. */
    private static String percent(double share) {
        if (share < 0.01) {
            return "less than 1 %";
        }
        if (share < 1 && share > 0.99) {
            return "more than 99 %";
        }
        return Math.round(share * 100) + " %";
    }

    /** The target's country whatever the target is: a country, or an AS or prefix whose country we know. */
    private Country country(Event e) {
        return e.countryCode() == null ? null : countries.byCode(e.countryCode()).orElse(null);
    }
}
