package net.outageherald.source.ioda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.outageherald.model.Target;
import net.outageherald.source.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IODA's view of the watched countries and ASes, fetched every {@code poll-interval} in one call per
 * signal and entity type (IODA takes a comma list of codes), and kept for messages to quote. A message
 * never waits for IODA: it quotes what was fetched last, or nothing when IODA failed or lags.
 * Costs at most 3 signals × 2 entity types = 6 calls per poll, 1,728 a day at 5 minutes, however many
 * countries and ASes are watched.
 */
public final class IodaWatch implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IodaWatch.class);
    private static final List<IodaDatasource> SIGNALS = List.of(IodaDatasource.BGP, IodaDatasource.PING_SLASH24,
            IodaDatasource.MERIT_NT);

    /** What IODA said of one entity at its last poll. */
    public record View(IodaEntity entity, List<IodaSignal> signals, Instant fetchedAt) {

        /** Lines for a message ("IODA active probing: 12 % of usual up /24s"), one per signal. */
        public List<String> lines() {
            return IodaCorroboration.describe(entity, signals);
        }

        /** The IODA dashboard of the entity, for people. */
        public String dashboard() {
            return IodaLinks.dashboard(entity);
        }
    }

    private final IodaClient client;
    private final Supplier<List<Target>> watched;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<IodaEntity, View> views = new ConcurrentHashMap<>();

    /** @param maxAge a view older than this (IODA failing since) is not quoted */
    public IodaWatch(IodaClient client, Supplier<List<Target>> watched, Duration maxAge, Clock clock) {
        this.client = client;
        this.watched = watched;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** One poll: the last 24 h of each signal for every watched country and AS. Never throws for IODA. */
    @Override
    public void run() {
        Map<IodaEntity.Type, Set<IodaEntity>> byType = new EnumMap<>(IodaEntity.Type.class);
        for (Target t : watched.get()) {
            IodaEntity.of(t).ifPresent(e -> byType.computeIfAbsent(e.type(), k -> new LinkedHashSet<>()).add(e));
        }
        Instant until = clock.instant();
        Instant from = until.minus(IodaCorroboration.HISTORY).minus(Duration.ofMinutes(10));
        for (Set<IodaEntity> entities : byType.values()) {
            Map<IodaEntity, List<IodaSignal>> got = new java.util.HashMap<>();
            for (IodaDatasource ds : SIGNALS) {
                try {
                    for (IodaSignal s : client.signals(new ArrayList<>(entities), ds, from, until)) {
                        got.computeIfAbsent(s.entity(), k -> new ArrayList<>()).add(s);
                    }
                } catch (SourceUnavailableException e) {
                    LOG.debug("IODA gave no {} signal this poll: {}", ds.wireName(), e.getMessage());
                }
            }
            got.forEach((entity, signals) -> views.put(entity, new View(entity, List.copyOf(signals), until)));
        }
        views.keySet().removeIf(e -> byType.values().stream().noneMatch(set -> set.contains(e)));
    }

    /** IODA's last fresh view of the target, if it has one (countries and ASes only). */
    public Optional<View> view(Target target) {
        Instant now = clock.instant();
        return IodaEntity.of(target).map(views::get)
                .filter(v -> Duration.between(v.fetchedAt(), now).compareTo(maxAge) <= 0);
    }

    /** The credit line IODA asks of those who quote it. */
    public String attribution() {
        return client.attribution();
    }
}
