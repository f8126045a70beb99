package net.outageherald.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.outageherald.chart.ChartRequest;
import net.outageherald.chart.ChartSource;
import net.outageherald.chart.ChartWindow;
import net.outageherald.chart.OutageInterval;
import net.outageherald.chart.VisibilitySample;
import net.outageherald.detect.PendingChange;
import net.outageherald.store.Database;
import net.outageherald.store.Outage;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.OutboxRow;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.store.VisibilityRepository;

/**
 * What an event's chart shows: the target's samples over {@code window} up to the event (or, for a change being
 * confirmed, up to now), reaching back to a long outage's start, the outage shaded, titled with the target's
 * name and credited to its source.
 */
final class ChartRequests {

    private final Database db;
    private final Duration window;
    /** For a target watched through IODA's country signal, what /status says of it; empty for one watched by prefixes. */
    private final Function<String, Optional<String>> signal;
    private final VisibilityRepository history = new VisibilityRepository();
    private final OutageRepository outages = new OutageRepository();
    private final TargetRepository targets = new TargetRepository();

    ChartRequests(Database db, Duration window, Function<String, Optional<String>> signal) {
        this.db = db;
        this.window = window;
        this.signal = signal;
    }

    /** The chart of a row's event (its rows are written at the event), its outage shaded. */
    ChartRequest forRow(OutboxRow row) {
        Instant until = row.createdAt().plusSeconds(1); // the sample taken with the event, too
        return db.inTransaction(tx -> {
            Optional<Outage> outage = outages.find(tx, row.outageId());
            return request(tx, row.targetKey(), until, outage.map(Outage::startedAt).orElse(null),
                    outage.map(Outage::endedAt).filter(end -> !end.isAfter(until)).orElse(null));
        });
    }

    /**
     * The chart of a change being confirmed, as its event's will be, up to {@code now}: an outage shaded from the
     * streak's start on, a restoration's outage from its start to the streak's.
     */
    ChartRequest forPending(PendingChange change, Instant now) {
        Instant until = now.plusSeconds(1); // the sample of the judging that began the streak, too
        return db.inTransaction(tx -> change.restoration()
                ? request(tx, change.targetKey(), until, change.outageStart(), change.since())
                : request(tx, change.targetKey(), until, change.since(), null));
    }

    /** The outage a row tells of, as stored. */
    Optional<Outage> outageOf(OutboxRow row) {
        return db.inTransaction(tx -> outages.find(tx, row.outageId()));
    }

    /** @param shadedFrom the outage's start, null for no shading; @param shadedTo its end, null while open */
    private ChartRequest request(Connection tx, String key, Instant until, Instant shadedFrom, Instant shadedTo)
            throws SQLException {
        Instant from = until.minus(window);
        if (shadedFrom != null && shadedFrom.minus(window.dividedBy(8)).isBefore(from)) {
            from = shadedFrom.minus(window.dividedBy(8)); // the start of a long outage shows too
        }
        Optional<OutageInterval> shaded = shadedFrom == null ? Optional.empty()
                : Optional.of(new OutageInterval(shadedFrom,
                        shadedTo == null || shadedTo.isBefore(shadedFrom) ? null : shadedTo));
        String title = targets.find(tx, key).map(TargetRecord::name).filter(n -> !n.isBlank()).orElse(key);
        List<VisibilitySample> samples = history.between(tx, key, from, until).stream()
                .map(ChartRequests::sample).toList();
        ChartSource source = signal.apply(key).isPresent() ? ChartSource.IODA_SIGNAL : ChartSource.RIS;
        return ChartRequest.of(title, samples, shaded, new ChartWindow(from, until), source);
    }

    /** A stored sample as the chart takes it; a share a rounding put a hair outside 0..1 is put back. */
    static VisibilitySample sample(VisibilityRepository.Sample s) {
        double share = Double.isNaN(s.visibleShare()) ? 0 : Math.max(0, Math.min(1, s.visibleShare()));
        return new VisibilitySample(s.at(), share, Math.max(0, s.peersSeeing()), Math.max(0, s.peersBaseline()));
    }
}
