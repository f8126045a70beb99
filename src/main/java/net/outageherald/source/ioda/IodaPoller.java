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
 * for all ASes, 864 a day each at the default 5 minutes, up to 50 of each. Past what one poll covers (500
 * entities), the polls take the calls in turn, so each entity is fetched every few polls rather than never.
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
    private final Duration maxDataLag;
    /** Where the next poll starts in the round of calls, when one poll does not cover them all. */
    private long cursor;
    private volatile int pollsPerRound = 1;
    /** The number of entities the cap was last told for (-1: not told), and when. */
    private int capToldFor = -1;
    private Instant capToldAt;

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
        this.maxDataLag = Objects.requireNonNull(maxDataLag, "maxDataLag");
        this.reports = new IodaReports(clock, maxDataLag, client::attribution);
    }

    /**
     * One poll of the watched countries' and ASes' signals; returns how many calls it made. When more are watched
     * than {@link #MAX_CALLS_PER_POLL} calls cover, each poll takes the next calls in turn (countries first, then
     * ASes, round and round), so every entity is fetched every {@link #pollsPerRound()} polls; one not fetched
     * this poll keeps its last series, which ages into staleness like a failed call's.
     */
    public int poll() throws InterruptedException {
        Set<IodaEntity> entities = new LinkedHashSet<>();
        for (Target t : watched.get()) {
            IodaEntity.of(t).ifPresent(entities::add);
        }
        latest.keySet().retainAll(entities);
        List<Call> round = calls(entities);
        tellCap(entities.size(), round.size());
        Instant until = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = until.minus(WINDOW);
        int start = round.size() <= MAX_CALLS_PER_POLL ? 0 : (int) (cursor % round.size());
        int todo = Math.min(round.size(), MAX_CALLS_PER_POLL);
        int made = 0;
        int failed = 0;
        for (int k = 0; k < todo; k++) {
            Call call = round.get((start + k) % round.size());
            if (made > 0 && !minGap.isZero()) {
                Thread.sleep(minGap.toMillis());
            }
            try {
                made++;
                calls.incrementAndGet();
                keep(call.batch(), call.ds(), client.signals(call.batch(), call.ds(), from, until));
            } catch (SourceUnavailableException e) {
                failed++;
                if (e.reason() == SourceUnavailableException.Reason.BACKING_OFF) {
                    made--; // no request went out: the next poll starts from this call
                    calls.decrementAndGet();
                    LOG.debug("IODA poll skipped: {}", e.getMessage());
                    cursor = start + (long) k;
                    return made;
                }
                LOG.debug("IODA {} of {}: {}", call.ds().wireName(), call.batch(), e.getMessage());
            }
        }
        cursor = start + (long) todo;
        LOG.debug("IODA poll: {} entities, {} calls, {} failed", entities.size(), made, failed);
        return made;
    }

    /** One call: a signal of up to {@link #MAX_CODES_PER_CALL} entities of one type. */
    private record Call(List<IodaEntity> batch, IodaDatasource ds) {
    }

    /** Every call that fetching each entity once takes, countries first. */
    private static List<Call> calls(Set<IodaEntity> entities) {
        List<Call> out = new ArrayList<>();
        for (IodaEntity.Type type : IodaEntity.Type.values()) {
            List<IodaEntity> ofType = entities.stream().filter(e -> e.type() == type).toList();
            for (int i = 0; i < ofType.size(); i += MAX_CODES_PER_CALL) {
                List<IodaEntity> batch = ofType.subList(i, Math.min(ofType.size(), i + MAX_CODES_PER_CALL));
                for (IodaDatasource ds : IodaDatasource.values()) {
                    out.add(new Call(batch, ds));
                }
            }
        }
        return out;
    }

    /**
     * Tells the operator once that one poll does not cover everything, and again only when the number of
     * entities changes or a day later: the cap is a steady state, not an event of every poll.
     */
    private void tellCap(int entities, int needed) {
        int polls = (needed + MAX_CALLS_PER_POLL - 1) / MAX_CALLS_PER_POLL;
        pollsPerRound = Math.max(1, polls);
        Instant now = clock.instant();
        if (polls <= 1) {
            capToldFor = -1;
            return;
        }
        if (capToldFor == entities && capToldAt != null && now.isBefore(capToldAt.plus(Duration.ofDays(1)))) {
            return;
        }
        capToldFor = entities;
        capToldAt = now;
        LOG.warn("IODA: {} entities are watched, {} calls a round but at most {} a poll; each entity is fetched "
                + "every {} polls, so its IODA data may be that many poll intervals older (keep that under "
                + "ioda.max-data-lag, {})", entities, needed, MAX_CALLS_PER_POLL, polls, maxDataLag);
    }

    /** How many polls it takes to fetch every watched entity once (1 while one poll covers them all). */
    public int pollsPerRound() {
        return pollsPerRound;
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
