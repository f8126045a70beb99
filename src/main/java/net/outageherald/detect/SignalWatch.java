package net.outageherald.detect;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.outageherald.model.Status;
import net.outageherald.model.Target;
import net.outageherald.schedule.Job;
import net.outageherald.source.ioda.IodaCountryJudge;
import net.outageherald.source.ioda.IodaEntity;
import net.outageherald.source.ioda.IodaPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IODA round, every {@code ioda.poll-interval}: fetch the signals of every watched country and AS
 * ({@link IodaPoller}, which keeps them for the messages' corroboration lines), then judge each country that is
 * watched through IODA's {@code bgp} signal because it is too large to watch prefix by prefix
 * ({@link IodaCountryJudge}: below 99 % of the 24 h median PARTIAL, below 50 % DOWN), through the same
 * confirmation, outages and messages as every other target; each IODA bin counts as one round of that
 * confirmation, however many polls fetch it (a failed poll keeps the last series), and across a restart: the
 * first judging after start skips a bin that had ended by the target's last judged good round. Stale, failing or blank
 * IODA data is UNKNOWN: a miss, which after {@code unknown-after} tells the operators that monitoring is
 * degraded, never an outage.
 */
public final class SignalWatch implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(SignalWatch.class);

    private final WatchList watch;
    private final TargetResolver resolver;
    private final IodaPoller poller;
    private final IodaCountryJudge judge;
    private final Detector detector;
    /** The last verdict per country watched through IODA, in words for /status. */
    private final Map<String, String> lastReading = new ConcurrentHashMap<>();
    /** The newest bin judged per country: a bin is one round of evidence, however often it is fetched. */
    private final Map<String, Instant> lastBin = new ConcurrentHashMap<>();

    public SignalWatch(WatchList watch, TargetResolver resolver, IodaPoller poller, IodaCountryJudge judge,
                       Detector detector) {
        this.watch = Objects.requireNonNull(watch, "watch");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.judge = Objects.requireNonNull(judge, "judge");
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    @Override
    public String name() {
        return "ioda";
    }

    @Override
    public void run() throws InterruptedException {
        poller.poll();
        judgeCountries();
    }

    /** Judges every country watched through IODA on the signals at hand; tests call it after their own poll. */
    public void judgeCountries() {
        for (Target t : watch.targets()) {
            if (!(t instanceof Target.Land)) {
                continue;
            }
            try {
                Resolved r = resolver.resolve(t);
                if (!r.bySignal()) {
                    lastReading.remove(t.key());
                    lastBin.remove(t.key());
                    continue;
                }
                IodaEntity entity = IodaEntity.of(t).orElseThrow();
                IodaCountryJudge.Verdict v = judge.judge(entity, poller.latest(entity));
                Instant bin = v.reading().map(x -> x.time()).orElse(null);
                if (v.status() != Status.UNKNOWN && bin != null && !lastBin.containsKey(t.key())
                        && judgedBefore(t.key(), v.reading().get().end())) {
                    // first judging since start: a bin that had ended by the last judging before the restart
                    // was counted then (a poll sees a bin once it has ended); counting it again would add a
                    // confirmation round that no new data gave
                    lastBin.put(t.key(), bin);
                    lastReading.put(t.key(), v.reason());
                    continue;
                }
                if (v.status() != Status.UNKNOWN && bin != null && bin.equals(lastBin.get(t.key()))) {
                    // the series kept from a failed poll, or a poll faster than IODA's bins: no new evidence,
                    // so no confirmation round either (one low bin seen thrice would confirm an outage)
                    continue;
                }
                if (bin != null && v.status() != Status.UNKNOWN) {
                    lastBin.put(t.key(), bin);
                }
                double share = v.reading().flatMap(x -> x.share().isPresent()
                        ? Optional.of(x.share().getAsDouble()) : Optional.empty()).orElse(1.0);
                detector.judgedBySignal(r.info(), v.status(), share, r.signalSource(), v.reason(),
                        v.reading().map(x -> x.time()).orElse(null));
                lastReading.put(t.key(), (v.status() == Status.UNKNOWN ? "unknown: " : "") + v.reason());
            } catch (RuntimeException e) { // one target's trouble must not stop the others
                LOG.error("judging {} by IODA failed: {}", t.key(), e.toString(), e);
            }
        }
    }

    /**
     * Whether the stored state says this target was last judged on good data at or after {@code binEnd}: the
     * last judged data time outlives a restart, the bins counted in memory do not. A bin IODA delivered late
     * (ended before that judging but not yet in its answer then) is skipped too: after a restart confirmation
     * may take one bin longer, never one shorter.
     */
    private boolean judgedBefore(String key, Instant binEnd) {
        return detector.targetState(key).map(s -> s.lastGoodAt() != null && !binEnd.isAfter(s.lastGoodAt()))
                .orElse(false);
    }

    /**
     * For /status and /subscribe: which source speaks for {@code key} and what it said last ("source: IODA BGP
     * signal, prefix-level watch not used for countries over 1,000 prefixes; IODA BGP: 100 % of usual visible
     * /24s"); empty for a target watched by its prefixes.
     */
    public Optional<String> describe(String key) {
        return resolver.signalSource(key).map(source -> "source: " + source
                + Optional.ofNullable(lastReading.get(key)).map(r -> "; last reading: " + r).orElse(""));
    }
}
