package net.outageherald.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.outageherald.model.Countries;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Status;
import net.outageherald.model.Target;
import net.outageherald.source.AnnouncedPrefix;
import net.outageherald.source.ResolutionSource;
import net.outageherald.source.RoutingSource;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.ioda.IodaEntity;
import net.outageherald.source.ioda.IodaLinks;
import net.outageherald.store.Database;
import net.outageherald.store.PrefixStateRepository;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves targets to the prefixes to poll and a human name, caching the answer in the database and
 * refreshing it every {@code resolve-interval}. A failed refresh keeps the cached prefixes: the outage of
 * a network must not be mistaken for it having no prefixes.
 */
public final class TargetResolver {

    private static final Logger LOG = LoggerFactory.getLogger(TargetResolver.class);
    private static final Countries COUNTRIES = Countries.all();

    private final ResolutionSource source;
    private final RoutingSource routing;
    private final Database db;
    private final DetectionConfig config;
    private final Clock clock;
    private final boolean countrySignal;
    private final TargetRepository targets = new TargetRepository();
    private final PrefixStateRepository prefixStates = new PrefixStateRepository();
    /** Targets found too large, remembered for {@code resolve-interval} so RIPEstat is not asked each time. */
    private final Map<String, Refused> refused = new java.util.concurrent.ConcurrentHashMap<>();

    /** A refusal, or with {@code signalSource} set a country watched through IODA instead. */
    private record Refused(String reason, Instant at, String signalSource) {
    }

    /** A target that resolves to more prefixes than we watch prefix by prefix. */
    private static final class TooLarge extends Exception {
        final int count;
        final boolean atLeast;

        TooLarge(int count, boolean atLeast) {
            super(null, null, false, false);
            this.count = count;
            this.atLeast = atLeast;
        }
    }

    public TargetResolver(ResolutionSource source, RoutingSource routing, Database db, DetectionConfig config,
                          Clock clock) {
        this(source, routing, db, config, clock, false);
    }

    /**
     * @param countrySignal whether a country too large to watch prefix by prefix is watched through IODA's country
     *                      {@code bgp} signal instead ({@code ioda.enabled}); without it, it is refused with numbers
     */
    public TargetResolver(ResolutionSource source, RoutingSource routing, Database db, DetectionConfig config,
                          Clock clock, boolean countrySignal) {
        this.countrySignal = countrySignal;
        this.source = source;
        this.routing = routing;
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** The target's prefixes and name: cached while fresh, else asked of the source. Never throws for the source. */
    public Resolved resolve(Target target) {
        Instant now = clock.instant();
        Refused no = refused.get(target.key());
        if (no != null && Duration.between(no.at(), now).compareTo(config.resolveInterval()) < 0) {
            return no.signalSource() != null ? bySignal(target, no.signalSource())
                    : new Resolved(target, info(target, target.label()), List.of(), true, no.reason());
        }
        Optional<TargetRecord> cached = db.inTransaction(tx -> targets.find(tx, target.key()));
        if (cached.isPresent() && cached.get().resolvedAt() != null
                && Duration.between(cached.get().resolvedAt(), now).compareTo(config.resolveInterval()) < 0) {
            return toResolved(target, cached.get(), true);
        }
        try {
            Fresh asked = ask(target, now);
            String country = asked.country != null ? asked.country
                    : cached.map(TargetRecord::countryCode).orElse(null); // an unanswered look keeps what we knew
            Fresh fresh = new Fresh(asked.name, limit(keepKnown(cached, asked.prefixes, now), false), country);
            db.inTransaction(tx -> {
                targets.saveResolution(tx, target.key(), fresh.name, fresh.country, fresh.prefixes, now, now);
                return null;
            });
            boolean changed = cached.isEmpty() || !cached.get().prefixes().equals(fresh.prefixes);
            // a prefix that stands for itself says nothing new: 10,000 watched prefixes would be 10,000 lines
            boolean itself = target instanceof Target.Net net && fresh.prefixes.equals(List.of(net.prefix()));
            if (changed && !itself) {
                LOG.info("{} ({}) resolves to {} prefixes", target.key(), fresh.name, fresh.prefixes.size());
            }
            return new Resolved(target, info(target, fresh.name, fresh.country), fresh.prefixes, true);
        } catch (TooLarge e) {
            return refuse(target, e, now);
        } catch (SourceUnavailableException e) {
            if (cached.isPresent()) {
                LOG.debug("keeping the cached prefixes of {}: {}", target.key(), e.getMessage());
                return toResolved(target, cached.get(), false);
            }
            // no resolution ever: store the target with no prefixes so that its state (and degradation) exists
            db.inTransaction(tx -> {
                targets.saveResolution(tx, target.key(), target.label(), countryCode(target), List.of(), null, now);
                return null;
            });
            LOG.warn("cannot resolve {} yet: {}", target.key(), e.getMessage());
            return new Resolved(target, info(target, target.label()), List.of(), false);
        }
    }

    /** @param country the country whose local time the target's messages show, or null for UTC only */
    private record Fresh(String name, List<Prefix> prefixes, String country) {
    }

    private Fresh ask(Target target, Instant now) throws SourceUnavailableException, TooLarge {
        if (target instanceof Target.As as) {
            List<Prefix> prefixes = limit(recent(source.announcedPrefixes(as.asn()), now), false);
            String holder = holder(as.asn());
            String name = holder == null || holder.isBlank() ? as.key() : as.key() + " " + holder;
            return new Fresh(name, prefixes, asCountry(as.asn()));
        }
        if (target instanceof Target.Net net) {
            return new Fresh(net.key(), limit(source.coveredPrefixes(net.prefix()), false), null);
        }
        Target.Land land = (Target.Land) target;
        Set<Prefix> all = new LinkedHashSet<>();
        for (long asn : source.countryAsns(land.country().code())) {
            all.addAll(recent(source.announcedPrefixes(asn), now));
            if (all.size() > countryLimit()) {
                throw new TooLarge(all.size(), true); // the rest of the country is not asked for
            }
        }
        return new Fresh(land.label(), limit(new ArrayList<>(all), false), land.country().code());
    }

    /**
     * Prefixes RIPEstat saw announced within {@code current-within} of the freshest one: measured on the data's
     * own time line (8-hourly dumps), so a source serving older data does not empty the watch list, and an AS
     * that is dark as a whole keeps all its prefixes (they all stopped together). A prefix the AS stopped
     * announcing a day before the rest is not part of it any more.
     */
    private List<Prefix> recent(List<AnnouncedPrefix> announced, Instant now) {
        Instant newest = announced.stream().map(AnnouncedPrefix::lastSeen).max(Instant::compareTo).orElse(now);
        Instant cutoff = newest.minus(config.currentWithin());
        return announced.stream().filter(a -> !a.lastSeen().isBefore(cutoff)).map(AnnouncedPrefix::prefix)
                .distinct().sorted().toList();
    }

    /**
     * The new list, plus the cached prefixes it lacks that we still track: the source's lists follow 8-hourly
     * dumps, and a prefix that vanished from them is often the outage itself. Such a prefix stays while it is
     * visible, and while dark it stays until either
     * <ul>
     *   <li>it has been dark for {@code current-within} while the rest of the target is visible and the target
     *       is not offline as a whole: it was withdrawn, not lost, and the partial outage it made ends by saying
     *       so ({@link Detector} tells it as "stopped announcing"); or</li>
     *   <li>it has been dark for {@code keep-prefixes-for}, however the rest is.</li>
     * </ul>
     * One never seen (no baseline) goes at once.
     */
    private List<Prefix> keepKnown(Optional<TargetRecord> cached, List<Prefix> fresh, Instant now) {
        if (cached.isEmpty()) {
            return fresh;
        }
        Set<Prefix> out = new LinkedHashSet<>(fresh);
        List<Prefix> missing = cached.get().prefixes().stream().filter(p -> !out.contains(p)).toList();
        if (missing.isEmpty()) {
            return fresh;
        }
        Instant gone = now.minus(config.keepPrefixesFor());
        Instant withdrawn = now.minus(config.currentWithin());
        // a target offline as a whole stays an outage until it returns, however long that takes
        boolean wholeTargetDark = cached.get().state().confirmed() == Status.DOWN;
        List<Prefix> all = new ArrayList<>(out);
        all.addAll(missing);
        Map<Prefix, PrefixState> states = db.inTransaction(tx -> prefixStates.load(tx, all));
        List<Prefix> longDark = new ArrayList<>();
        for (Prefix p : missing) {
            PrefixState s = states.get(p);
            if (!s.tracked() || darkBefore(s, gone)) {
                continue;
            }
            if (!wholeTargetDark && darkBefore(s, withdrawn)) {
                longDark.add(p);
            } else {
                out.add(p);
            }
        }
        if (longDark.isEmpty()) {
            return new ArrayList<>(out);
        }
        boolean restUp = out.stream().map(states::get).filter(PrefixState::tracked).noneMatch(PrefixState::dark)
                && out.stream().map(states::get).anyMatch(PrefixState::tracked);
        if (restUp) {
            LOG.info("{} no longer announces {} (dark for more than {} h while the rest is visible): no longer"
                    + " watched", cached.get().key(), longDark, config.currentWithin().toHours());
        } else {
            out.addAll(longDark); // part of an outage that is still going on: keep watching it
        }
        return new ArrayList<>(out);
    }

    private static boolean darkBefore(PrefixState s, Instant cutoff) {
        return s.dark() && s.darkSince() != null && s.darkSince().isBefore(cutoff);
    }

    /** The holder's name is decoration: its absence must not stop the AS from being watched. */
    private String holder(long asn) {
        try {
            return source.asHolder(asn).orElse(null);
        } catch (SourceUnavailableException e) {
            LOG.debug("no holder name for AS{} yet: {}", asn, e.getMessage());
            return null;
        }
    }

    /**
     * The AS's registration country, for local times: decoration too, so a failure or an answer we do not know
     * (no such country) leaves the AS in UTC only, never unresolved.
     */
    private String asCountry(long asn) {
        try {
            Optional<String> code = source.asCountry(asn);
            if (code.isPresent() && COUNTRIES.byCode(code.get()).isEmpty()) {
                LOG.debug("AS{} is registered in {}, a country we have no time zone for", asn, code.get());
                return null;
            }
            return code.orElse(null);
        } catch (SourceUnavailableException | RuntimeException e) {
            LOG.debug("no country for AS{} yet: {}", asn, e.getMessage());
            return null;
        }
    }

    /** The prefixes, unless there are more than we watch for one target: never a silent sample of them. */
    private List<Prefix> limit(List<Prefix> prefixes, boolean atLeast) throws TooLarge {
        if (prefixes.size() > config.maxPrefixesPerTarget()) {
            throw new TooLarge(prefixes.size(), atLeast);
        }
        return prefixes;
    }

    /**
     * The most prefixes a country is watched by one by one: {@code max-prefixes-per-target}, and with IODA also
     * not more than the whole watch list may have ({@code max-watched-prefixes}), since IODA can take it instead.
     */
    int countryLimit() {
        return countrySignal ? Math.min(config.maxPrefixesPerTarget(), config.maxWatchedPrefixes())
                : config.maxPrefixesPerTarget();
    }

    /** Which source speaks for a country watched through IODA, if {@code key} is one; from memory. */
    public Optional<String> signalSource(String key) {
        return Optional.ofNullable(refused.get(key)).map(Refused::signalSource);
    }

    private Resolved refuse(Target target, TooLarge e, Instant now) {
        if (countrySignal && target instanceof Target.Land) {
            String via = String.format(java.util.Locale.ROOT, "IODA BGP signal, prefix-level watch not used for"
                    + " countries over %,d prefixes", countryLimit());
            if (refused.put(target.key(), new Refused(null, now, via)) == null) {
                LOG.info("watching {} through IODA's country BGP signal: it announces {}{} prefixes, more than the"
                        + " {} watched one by one", target.key(), e.atLeast ? "more than " : "",
                        e.atLeast ? countryLimit() : e.count, countryLimit());
            }
            db.inTransaction(tx -> {
                targets.saveResolution(tx, target.key(), target.label(), countryCode(target), List.of(), null, now);
                return null;
            });
            return bySignal(target, via);
        }
        String reason = String.format(java.util.Locale.ROOT, "%s announces %s%,d prefixes, more than the %,d this"
                + " service watches for one target (detection.max-prefixes-per-target); follow its networks one by"
                + " one instead", target.label(), e.atLeast ? "more than " : "", e.atLeast
                ? config.maxPrefixesPerTarget() : e.count, config.maxPrefixesPerTarget());
        if (refused.put(target.key(), new Refused(reason, now, null)) == null) {
            LOG.warn("not watching {}: {}", target.key(), reason);
        }
        db.inTransaction(tx -> {
            // not marked resolved: after a restart the target is asked about again, not taken for empty
            targets.saveResolution(tx, target.key(), target.label(), countryCode(target), List.of(), null, now);
            return null;
        });
        return new Resolved(target, info(target, target.label()), List.of(), true, reason);
    }

    private Resolved bySignal(Target target, String via) {
        IodaEntity entity = IodaEntity.of(target).orElseThrow();
        return new Resolved(target, new TargetInfo(target.key(), target.label(), countryCode(target),
                IodaLinks.dashboard(entity)), List.of(), true, null, via);
    }

    private Resolved toResolved(Target target, TargetRecord r, boolean fresh) {
        String country = r.countryCode() != null ? r.countryCode() : countryCode(target);
        return new Resolved(target, info(target, r.name(), country), r.prefixes(), fresh);
    }

    private TargetInfo info(Target target, String name) {
        return info(target, name, countryCode(target));
    }

    private TargetInfo info(Target target, String name, String country) {
        String evidence = target instanceof Target.Net net ? routing.evidenceUrl(net.prefix())
                : "https://stat.ripe.net/app/launchpad/" + target.key();
        return new TargetInfo(target.key(), name, country, evidence);
    }

    private static String countryCode(Target target) {
        return target instanceof Target.Land land ? land.country().code() : null;
    }
}
