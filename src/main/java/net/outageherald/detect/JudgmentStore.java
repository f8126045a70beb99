package net.outageherald.detect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.model.TargetState;
import net.outageherald.store.EventRepository;
import net.outageherald.store.OutageRepository;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.store.VisibilityRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what one judging decided, inside the judging's transaction: the target's new state, its outage
 * opened, changed or closed, its events with the facts messages tell (and the sink's outbox rows for them),
 * and a visibility sample at most once a minute (and at the start of a streak towards an outage or a
 * restoration). {@link Detector} decides; this class only records.
 */
final class JudgmentStore {

    private static final Logger LOG = LoggerFactory.getLogger(JudgmentStore.class);
    /** The visibility history keeps one sample a minute at most. */
    static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);

    private final TargetRepository targets = new TargetRepository();
    private final OutageRepository outages = new OutageRepository();
    private final EventRepository events = new EventRepository();
    private final VisibilityRepository history = new VisibilityRepository();
    /** When each target's visibility was last sampled: at most once a minute, whatever the rounds. */
    private final Map<String, Instant> lastSample = new ConcurrentHashMap<>();
    private final EventSink sink;

    JudgmentStore(EventSink sink) {
        this.sink = sink;
    }

    Detector.Judged store(Connection tx, TargetInfo info, TargetRecord record, Transition t, Evaluation eval,
                         String reason, Instant now, String source) throws SQLException {
        TargetState before = record.state();
        TargetState state = t.state();
        List<Event> out = new ArrayList<>();
        for (Transition.Change c : t.changes()) {
            Long outageId = state.outageId();
            Instant outageStart = state.outageStart();
            Facts facts = facts(eval, info, c.type(), reason, source);
            switch (c.type()) {
                case OUTAGE_STARTED -> {
                    outageId = outages.open(tx, info.key(), c.at(), c.to());
                    outageStart = c.at();
                    state = new TargetState(state.targetKey(), state.confirmed(), state.candidate(),
                            state.candidateCount(), state.pendingSince(), state.lastGoodAt(), state.degradedSince(),
                            outageId, outageStart, state.firstSeenAt());
                }
                case OUTAGE_CHANGED -> outages.changeSeverity(tx, outageId, c.to());
                case RESTORED -> {
                    // the state machine has already let go of the outage; the state before this round had it
                    outageId = before.outageId();
                    outageStart = before.outageStart();
                    if (outageId != null) {
                        outages.close(tx, outageId, c.at());
                        facts = facts.withWithdrawn(withdrawn(tx, outageId, record.prefixes()));
                    }
                }
                default -> {
                    // monitoring events belong to the open outage, if any
                }
            }
            Event e = new Event(0, c.type(), info.key(), info.name(), info.countryCode(), c.to(), c.from(), c.at(),
                    outageId, outageStart, c.duration(), facts);
            e = events.insert(tx, e, now);
            sink.onEvent(tx, e);
            out.add(e);
            LOG.info("{}: {} ({} -> {}){}", info.key(), c.type(), c.from(), c.to(),
                    facts.prefixesWithdrawn().isEmpty() ? "" : ": stopped announcing " + facts.prefixesWithdrawn());
        }
        targets.saveState(tx, state, now);
        return new Detector.Judged(out, state);
    }

    /**
     * @param streakBegins this judging began a streak towards an outage or a restoration: its sample is written
     *                     whatever the once-a-minute limit, so that the chart drawn now shows the change
     */
    void sample(Connection tx, String key, Evaluation eval, Instant now, boolean streakBegins) throws SQLException {
        Instant last = lastSample.get(key);
        if (!streakBegins && last != null && now.isBefore(last.plus(SAMPLE_EVERY))) {
            return;
        }
        history.record(tx, key, new VisibilityRepository.Sample(now.truncatedTo(ChronoUnit.SECONDS),
                1 - eval.darkShare(), eval.peersNow(), eval.peersNormally()));
        lastSample.put(key, now);
    }

    /**
     * The prefixes told dark in the outage's latest announcement that the target no longer has: the resolver let
     * them go because they stopped being announced, so the outage ends with them withdrawn, not back.
     */
    private List<String> withdrawn(Connection tx, long outageId, List<Prefix> now) throws SQLException {
        Set<String> current = new HashSet<>();
        now.forEach(p -> current.add(p.cidr()));
        return events.latestAnnouncement(tx, outageId).map(e -> e.facts().prefixesAffected().stream()
                .filter(p -> !current.contains(p)).toList()).orElse(List.of());
    }

    private static Facts facts(Evaluation eval, TargetInfo info, EventType type, String reason, String source) {
        long v4 = 0;
        long v6 = 0;
        for (PrefixState s : eval.dark()) {
            if (s.prefix().ipv6()) {
                v6 += (long) Math.max(1, s.prefix().weight());
            } else {
                v4 += s.prefix().addresses().longValue();
            }
        }
        List<String> dark = eval.dark().stream().map(s -> s.prefix().cidr()).toList();
        boolean monitoring = !type.isOutageEvent();
        return new Facts(dark, eval.judged(), v4, v6, eval.darkShare(), eval.peersNow(), eval.peersNormally(),
                eval.upstreams(), info.evidenceUrl(), monitoring ? reason : null, List.of(), source);
    }
}
