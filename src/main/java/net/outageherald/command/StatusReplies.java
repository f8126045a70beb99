package net.outageherald.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.outageherald.detect.CheckResult;
import net.outageherald.detect.Evaluation;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Countries;
import net.outageherald.model.Country;
import net.outageherald.model.Target;
import net.outageherald.model.Status;
import net.outageherald.notify.message.HumanDurations;
import net.outageherald.notify.message.HumanFormat;
import net.outageherald.model.Message;
import net.outageherald.model.Message.Field;
import net.outageherald.store.Outage;
import net.outageherald.store.TargetRecord;

/** Words for /status and /history answers. */
final class StatusReplies {

    private final Countries countries;

    /** Where the data comes from and how it is doing, for the footer ("RIS Live, live"). */
    private final java.util.function.Supplier<String> source;

    StatusReplies(Countries countries) {
        this(countries, () -> DEFAULT_SOURCE);
    }

    static final String DEFAULT_SOURCE = "Data: RIPE NCC RIS via RIPEstat";

    StatusReplies(Countries countries, java.util.function.Supplier<String> source) {
        this.source = source;
        this.countries = countries;
    }

    Message status(CheckResult r, Optional<TargetRecord> stored, Instant now) {
        int all = r.resolved().prefixes().size();
        int looked = r.observed() + r.failed();
        // the live check looks at a bounded number of prefixes: say so rather than let a sample pass for the whole
        String note = r.live() && looked < all ? " Only " + looked + " of its " + HumanFormat.number(all)
                + " prefixes were checked live." : "";
        return status(r, stored, now, note);
    }

    /**
     * The last poll's view of a target too large to check live: {@code r} is built from the stored states
     * ({@code live} false, {@code at} the last poll).
     */
    Message fromLastPoll(CheckResult r, Optional<TargetRecord> stored, Instant now) {
        return status(r, stored, now, " " + r.resolved().info().name() + " has "
                + HumanFormat.count(r.resolved().prefixes().size(), "prefix", "prefixes")
                + ", too many to check live, so this is what the last poll saw, "
                + HumanDurations.human(java.time.Duration.between(r.at(), now)) + " ago.");
    }

    /**
     * A country watched through IODA's country signal: its confirmed status, the source that speaks for it and
     * what that said last ({@code note}), and since when an outage is on.
     */
    Message fromSignal(Target target, Optional<TargetRecord> stored, String note, Instant now) {
        String name = stored.map(TargetRecord::name).filter(n -> !n.isBlank()).orElse(target.label());
        Status shown = stored.map(r -> r.state().shown()).orElse(Status.UNKNOWN);
        String headline = shown == Status.UNKNOWN ? "Status of " + name + " is unknown" : name + " is " + shown.words();
        String summary = (shown == Status.UNKNOWN ? "No fresh IODA data has been judged yet, or it is stale. Unknown"
                + " is not down. " : "") + "Watched through IODA, not prefix by prefix: " + note + ".";
        Country country = countryOf(target, stored);
        List<Field> fields = new ArrayList<>();
        stored.map(TargetRecord::state).filter(s -> s.outageStart() != null).ifPresent(s -> fields.add(
                new Field("Outage since", HumanFormat.timeIn(s.outageStart(), country) + ", "
                        + HumanDurations.human(java.time.Duration.between(s.outageStart(), now)) + " so far", false)));
        stored.map(TargetRecord::state).map(s -> s.lastGoodAt()).ifPresent(at -> fields.add(
                new Field("Checked", "by the last IODA round, " + HumanFormat.time(at, null), true)));
        String link = "https://ioda.inetintel.cc.gatech.edu/country/" + target.key();
        return new Message(shown, headline, summary, fields, now, link, "Data: IODA, Georgia Tech");
    }

    /** The refusal for a target we will not check live and have no poll of. */
    Reply tooLarge(Target target, String name, int prefixes) {
        String why = prefixes > 0
                ? name + " has " + HumanFormat.count(prefixes, "prefix", "prefixes") + ", too many to check live, "
                + "and no poll of it has finished yet."
                : "Finding a country's prefixes takes one request per network registered there, too many for a "
                + "live check, and " + name + "'s have not been looked up yet.";
        return Reply.error("Too large to check live", why + " /subscribe " + target.key()
                + " to follow it: it is then polled, and /status answers from the poll.");
    }

    private Message status(CheckResult r, Optional<TargetRecord> stored, Instant now, String note) {
        String name = r.resolved().info().name();
        Evaluation e = r.evaluation();
        Country country = r.resolved().info().countryCode() != null
                ? countries.byCode(r.resolved().info().countryCode()).orElse(null)
                : countryOf(r.resolved().target(), stored);
        String headline = r.status() == Status.UNKNOWN ? "Status of " + name + " is unknown"
                : name + " is " + r.status().words();
        String summary;
        if (r.status() == Status.UNKNOWN) {
            summary = "No usable routing data right now" + (r.reason() == null ? "" : " (" + r.reason() + ")")
                    + ". Unknown is not down.";
        } else {
            int dark = e.dark().size();
            summary = (e.judged() - dark) + " of " + HumanFormat.count(e.judged(), "prefix", "prefixes")
                    + " visible; the best-seen one is seen by " + e.peersNow() + " RIS peers (normally "
                    + e.peersNormally() + ").";
        }
        summary += note;
        List<Field> fields = new ArrayList<>();
        if (!e.dark().isEmpty()) {
            fields.add(new Field("Prefixes dark", HumanFormat.list(
                    e.dark().stream().map(PrefixState::prefix).map(Object::toString).toList(), 20), false));
        }
        if (!e.upstreams().isEmpty()) {
            fields.add(new Field("Upstreams", HumanFormat.list(e.upstreams().stream().map(a -> "AS" + a).toList(), 10),
                    true));
        }
        stored.map(TargetRecord::state).filter(s -> s.outageStart() != null).ifPresent(s -> fields.add(
                new Field("Outage since", HumanFormat.timeIn(s.outageStart(), country) + ", "
                        + HumanDurations.human(java.time.Duration.between(s.outageStart(), now)) + " so far", false)));
        fields.add(new Field("Checked", (r.live() ? "live, " : "by the last poll, ")
                + HumanFormat.time(r.at(), null), true));
        stored.map(TargetRecord::state).map(s -> s.lastGoodAt()).filter(at -> !r.live()).ifPresent(at -> fields.add(
                new Field("Data age", HumanDurations.human(java.time.Duration.between(at, now)), true)));
        return new Message(r.status(), headline, summary, fields, r.at(), r.resolved().info().evidenceUrl(),
                source.get());
    }

    /**
     * The country whose local time a target's times show: the country itself, or the one stored with an AS
     * (its registration country, from RIPEstat's rir-stats-country); none for a prefix.
     */
    Country countryOf(Target target, Optional<TargetRecord> stored) {
        if (target instanceof Target.Land land) {
            return land.country();
        }
        return stored.map(TargetRecord::countryCode).flatMap(countries::byCode).orElse(null);
    }

    String historyLine(Outage o, Instant now, Country country) {
        String start = HumanFormat.timeIn(o.startedAt(), country);
        if (o.ongoing()) {
            return o.severity().emoji() + " " + start + " → ongoing (" + HumanDurations.human(o.duration(now))
                    + " so far), " + o.severity().words();
        }
        return o.worst().emoji() + " " + start + " → " + HumanFormat.timeIn(o.endedAt(), country) + " ("
                + HumanDurations.human(o.duration(now)) + "), " + o.worst().words();
    }
}
