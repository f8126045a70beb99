package net.outageherald.source.ioda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.outageherald.model.DataPlaneReport;
import net.outageherald.model.DataPlaneReports;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import net.outageherald.source.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the {@code bgp}, {@code ping-slash24} and {@code merit-nt} signals of every watched country and AS
 * and keeps the latest series of each in memory, for message writing ({@link #about}) and for judging the
 * countries watched through IODA. One call per signal and entity type per poll covers up to
 * {@link #MAX_CODES_PER_CALL} entities (IODA takes a comma list of codes), calls are at least {@code minGap}
 * apart, and a poll makes at most {@link #MAX_CALLS_PER_POLL}: a poll costs 3 calls for all countries and 3
 * for all ASes, 864 a day each at the default 5 minutes, whatever their number.
 *
 * <p>A failed call keeps the previous series (they age into staleness, which readers check); while
 * {@link IodaHealth} backs off, the rest of the poll is skipped without a request. Nothing here throws for IODA.
 */
public final class IodaPoller implements DataPlaneReports {

    private static final Logger LOG = LoggerFactory.getLogger(IodaPoller.class);

    /** The 24 h median needs 24 h of history before the newest bin, and a little more for IODA's lag. */
    static final Duration WINDOW = IodaCorroboration.HISTORY.plusHours(1);
    /** Entity codes in one call, so that a URL stays short. */
    static final int MAX_CODES_PER_CALL = 50;
    /** A hard cap, whatever is watched: 2 entity types x 3 signals x a few batches. */
    static final int MAX_CALLS_PER_POLL = 30;

    private final IodaClient client;
    private final Supplier<? extends Collection<Target>> watched;
    private final Clock clock;
    private final Duration minGap;
    private final IodaReports reports;
    private final Map<IodaEntity, Map<IodaDatasource, IodaSignal>> latest = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final TargetParser parser = new TargetParser();

    /**
     * @param watched    the targets watched now; its countries and ASes are polled
     * @param maxDataLag a series whose newest bin ends longer ago than this is not quoted
     * @param minGap     least time between two calls (a second in production, zero in tests)
     */
    public IodaPoller(IodaClient client, Supplier<? extends Collection<Target>> watched, Clock clock,
                      Duration maxDataLag, Duration minGap) {
        this.client = Objects.requireNonNull(client, "client");
        this.watched = Objects.requireNonNull(watched, "watched");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minGap = Objects.requireNonNull(minGap, "minGap");
        this.reports = new IodaReports(clock, maxDataLag, client::attribution);
    }

    /** One poll of every watched country's and AS's signals; returns how many calls it made. */
    public int poll() throws InterruptedException {
        Set<IodaEntity> entities = new LinkedHashSet<>();
        for (Target t : watched.get()) {
            IodaEntity.of(t).ifPresent(entities::add);
        }
        latest.keySet().retainAll(entities);
        Instant until = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = until.minus(WINDOW);
        int made = 0;
        int failed = 0;
        for (IodaEntity.Type type : IodaEntity.Type.values()) {
            List<IodaEntity> ofType = entities.stream().filter(e -> e.type() == type).toList();
            for (int i = 0; i < ofType.size(); i += MAX_CODES_PER_CALL) {
                List<IodaEntity> batch = ofType.subList(i, Math.min(ofType.size(), i + MAX_CODES_PER_CALL));
                for (IodaDatasource ds : IodaDatasource.values()) {
                    if (made >= MAX_CALLS_PER_POLL) {
                        LOG.warn("IODA poll stopped at {} calls; {} entities are watched, more than one poll covers",
                                made, entities.size());
                        return made;
                    }
                    if (made > 0 && !minGap.isZero()) {
                        Thread.sleep(minGap.toMillis());
                    }
                    try {
                        made++;
                        calls.incrementAndGet();
                        keep(batch, ds, client.signals(batch, ds, from, until));
                    } catch (SourceUnavailableException e) {
                        failed++;
                        if (e.reason() == SourceUnavailableException.Reason.BACKING_OFF) {
                            made--; // no request went out
                            calls.decrementAndGet();
                            LOG.debug("IODA poll skipped: {}", e.getMessage());
                            return made;
                        }
                        LOG.debug("IODA {} of {}: {}", ds.wireName(), batch, e.getMessage());
                    }
                }
            }
        }
        LOG.debug("IODA poll: {} entities, {} calls, {} failed", entities.size(), made, failed);
        return made;
    }

    private void keep(List<IodaEntity> batch, IodaDatasource ds, List<IodaSignal> signals) {
        for (IodaSignal s : signals) {
            if (s.datasource() == ds && batch.contains(s.entity())) {
                // copy on write: readers on other threads only ever see a map nobody changes
                latest.compute(s.entity(), (e, old) -> {
                    Map<IodaDatasource, IodaSignal> copy = old == null ? new EnumMap<>(IodaDatasource.class)
                            : new EnumMap<>(old);
                    copy.put(ds, s);
                    return copy;
                });
            }
        }
    }

    /** The latest series of an entity, one per signal that has answered; stale ones included. */
    public List<IodaSignal> latest(IodaEntity entity) {
        Map<IodaDatasource, IodaSignal> m = latest.get(entity);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    /** Calls made since start: what IODA has been asked, for tests and the operator. */
    public long calls() {
        return calls.get();
    }

    @Override
    public Optional<DataPlaneReport> about(String targetKey, Instant outageStart) {
        try {
            Optional<IodaEntity> entity = IodaEntity.of(parser.parse(targetKey));
            return entity.flatMap(e -> reports.report(e, latest(e), outageStart));
        } catch (RuntimeException e) {
            // a message is never held back for a second opinion
            LOG.debug("no IODA report for {}: {}", targetKey, e.toString());
            return Optional.empty();
        }
    }
}
