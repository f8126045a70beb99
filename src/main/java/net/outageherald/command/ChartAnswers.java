package net.outageherald.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.outageherald.chart.ChartRequest;
import net.outageherald.chart.ChartResult;
import net.outageherald.chart.ChartSource;
import net.outageherald.chart.ChartWindow;
import net.outageherald.chart.OutageInterval;
import net.outageherald.chart.VisibilitySample;
import net.outageherald.model.Message;
import net.outageherald.model.Status;
import net.outageherald.model.Target;
import net.outageherald.notify.message.HumanFormat;
import net.outageherald.store.Database;
import net.outageherald.store.Outage;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.store.VisibilityRepository;

/**
 * Answers /chart: a target's last 24 hours as a chart, its ongoing outage shaded, from the visibility history
 * detection keeps; or why there is none, saying what to do: a target nobody watches has no history (subscribe
 * first), one watched only since a moment ago has too little (wait a few minutes). A country watched through
 * IODA's country BGP signal has IODA's share of its usual level in its history, and its chart and words say so.
 */
final class ChartAnswers {

    /** Two points make a line (VisibilityChart draws nothing below). */
    static final int MIN_SAMPLES = 2;

    private final Database db;
    private final Clock clock;
    private final Function<ChartRequest, ChartResult> renderer;
    private final boolean enabled;
    private final Function<String, Optional<String>> signal;
    private final TargetRepository targets = new TargetRepository();
    private final VisibilityRepository history = new VisibilityRepository();
    private final OutageRepository outages = new OutageRepository();

    ChartAnswers(Database db, Clock clock, Function<ChartRequest, ChartResult> renderer, boolean enabled) {
        this(db, clock, renderer, enabled, key -> Optional.empty());
    }

    /**
     * @param signal for a target watched through IODA's country signal, what /status says of it; empty for one
     *               watched by its prefixes
     */
    ChartAnswers(Database db, Clock clock, Function<ChartRequest, ChartResult> renderer, boolean enabled,
                 Function<String, Optional<String>> signal) {
        this.signal = signal;
        this.db = db;
        this.clock = clock;
        this.renderer = renderer;
        this.enabled = enabled;
    }

    /** What one stored target has, read in one transaction. */
    private record Seen(Optional<TargetRecord> record, List<VisibilitySample> samples, Optional<Instant> since,
                        Optional<Outage> outage) {
    }

    Reply chart(Target target) {
        if (!enabled) {
            return Reply.error("Charts are off", "The operator of this bot has switched charts off (charts.enabled).");
        }
        Instant now = clock.instant();
        ChartWindow window = ChartWindow.lastDay(now.plusSeconds(1));
        Seen seen = db.inTransaction(tx -> new Seen(targets.find(tx, target.key()),
                history.between(tx, target.key(), window.from(), window.until()).stream()
                        .map(ChartAnswers::sample).toList(),
                history.firstAt(tx, target.key()), outages.openFor(tx, target.key())));
        String name = seen.record().map(TargetRecord::name).filter(n -> !n.isBlank()).orElse(target.label());
        if (seen.record().isEmpty() && seen.since().isEmpty()) {
            return Reply.error("No history for " + name,
                    name + " is not watched, so there is no history to draw: subscribe first (/subscribe "
                            + target.key() + "), and its chart fills from then on, one sample a minute.");
        }
        if (seen.samples().size() < MIN_SAMPLES) {
            return notEnough(target, name, seen);
        }
        Optional<OutageInterval> outage = seen.outage().map(o -> OutageInterval.ongoing(o.startedAt()));
        ChartSource source = signal.apply(target.key()).isPresent() ? ChartSource.IODA_SIGNAL : ChartSource.RIS;
        ChartResult result = renderer.apply(ChartRequest.of(name, seen.samples(), outage, window, source));
        if (result instanceof ChartResult.Png png) {
            VisibilitySample last = seen.samples().get(seen.samples().size() - 1);
            Status status = seen.record().map(r -> r.state().shown()).orElse(Status.UNKNOWN);
            String summary = "Last 24 hours, times in UTC. Latest sample " + HumanFormat.time(last.time(), null) + ": "
                    + latest(source, last) + "."
                    + outage.map(o -> " Offline since " + HumanFormat.time(o.start(), null) + " (shaded).").orElse("");
            return Reply.withChart(new Message(status, "Visibility of " + name, summary, List.of(), null, null,
                    source.attribution()), png.bytes());
        }
        ChartResult.NotDrawn no = (ChartResult.NotDrawn) result;
        if (no.reason() == ChartResult.Reason.NOT_ENOUGH_HISTORY) {
            return notEnough(target, name, seen);
        }
        return Reply.error("Could not draw the chart of " + name,
                "Drawing failed on our side; try again later. If it keeps failing, tell the bot's operator.");
    }

    /** The latest sample in words: RIS peers for our own watch, none for IODA's signal (it has no peer counts). */
    private static String latest(ChartSource source, VisibilitySample last) {
        long percent = Math.round(last.visibleShare() * 100);
        if (!source.hasPeers()) {
            return "IODA's BGP signal at " + percent + " % of its usual level (a country this large is watched"
                    + " through IODA, not prefix by prefix)";
        }
        return percent + " % of its address space visible, seen by "
                + HumanFormat.count(last.peersSeeing(), "RIS peer", "RIS peers")
                + (last.peersBaseline() > 0 ? " (usually " + last.peersBaseline() + ")" : "");
    }

    private static Reply notEnough(Target target, String name, Seen seen) {
        Optional<Instant> since = seen.record().map(r -> r.state().firstSeenAt()).or(seen::since);
        String watched = since.map(t -> name + " is watched since " + HumanFormat.time(t, null)).orElse(name + " is watched")
                + " and has " + HumanFormat.count(seen.samples().size(), "sample", "samples") + " in the last 24 hours";
        return Reply.error("Not enough history for " + name + " yet",
                "Charts need at least " + MIN_SAMPLES + " samples (one a minute at most); " + watched
                        + ". Try /chart " + target.key() + " again in a few minutes.");
    }

    /** A stored sample as the chart takes it; a share a rounding put a hair outside 0..1 is put back. */
    private static VisibilitySample sample(VisibilityRepository.Sample s) {
        double share = Double.isNaN(s.visibleShare()) ? 0 : Math.max(0, Math.min(1, s.visibleShare()));
        return new VisibilitySample(s.at(), share, Math.max(0, s.peersSeeing()), Math.max(0, s.peersBaseline()));
    }
}
