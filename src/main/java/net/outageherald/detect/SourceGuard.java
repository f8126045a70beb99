package net.outageherald.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.outageherald.model.EventType;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.source.PrefixObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a source that answers blank from reporting every target offline. Answers that would darken a prefix
 * are held back while the source is suspect: while the {@link Canary} is not visible (looking-glass answers),
 * or when one round would newly darken {@code suspect-after} targets with no prefix in common (any round).
 * Held-back targets keep their status, and go unknown after {@code unknown-after} without a notice of their
 * own: the operator is told once that the source looks wrong, and once when it looks right again. Answers
 * that show a prefix visible are always taken: a blank source cannot fake those.
 */
public final class SourceGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SourceGuard.class);
    /** Without poll rounds, the canary is looked at this often, so that blankness and its end show anyway. */
    static final Duration CANARY_EVERY = Duration.ofMinutes(10);
    /** Why a held-back prefix has no observation, for logs and the target's unknown state. */
    static final String HELD = "its answer is held back: the routing data looks wrong";
    private static final int NAMES = 5;

    /** One screened round: the observations to take, and the prefixes whose darkening answers are held back. */
    public record Screened(List<PrefixObservation> taken, Set<Prefix> withheld) {
        public Screened {
            taken = List.copyOf(taken);
            withheld = Set.copyOf(withheld);
        }
    }

    private final Canary canary;
    private final Detector detector;
    private final DetectionConfig config;
    private final PrefixTracker tracker;
    private final MassDarkening mass;
    private final Clock clock;
    private final String meanwhile;
    private boolean canaryBlank;
    private boolean massDark;
    private Instant suspectSince;

    /**
     * @param canary    the canary, or null for none (then only the mass-darkening check applies)
     * @param meanwhile what the held-back targets' status rests on while the source is suspect, for the notice:
     *                  "their status is unknown until it answers normally"
     */
    public SourceGuard(Canary canary, Detector detector, DetectionConfig config, Clock clock, String meanwhile) {
        this.canary = canary;
        this.detector = detector;
        this.config = config;
        this.tracker = new PrefixTracker(config);
        this.mass = new MassDarkening(new TargetEvaluator(config));
        this.clock = clock;
        this.meanwhile = meanwhile;
    }

    public Optional<Canary> canary() {
        return Optional.ofNullable(canary);
    }

    /**
     * Screens one round of observations of {@code targets}' prefixes.
     *
     * @param verdict what the canary said in this round, or null when no canary check applies (a judging
     *                round of the routing table, whose looking-glass answers were screened as they came)
     */
    public Screened screen(Collection<PrefixObservation> looks, Collection<Resolved> targets, Canary.Verdict verdict) {
        Map<Prefix, PrefixState> after = new LinkedHashMap<>();
        Set<Prefix> darkening = darkening(looks, after);
        MassDarkening.Result r = MassDarkening.Result.NONE;
        if (!darkening.isEmpty()) {
            List<Resolved> candidates = targets.stream().filter(t -> t.prefixes().stream()
                    .anyMatch(darkening::contains)).toList();
            Set<Prefix> all = new LinkedHashSet<>();
            candidates.forEach(t -> all.addAll(t.prefixes()));
            r = mass.of(candidates, detector.states(all), after);
        }
        boolean massNow = config.suspectAfter() > 0 && r.groups() >= config.suspectAfter();
        String names = names(r.newlyDark());
        Boolean blankNow = verdict == Canary.Verdict.NOT_VISIBLE ? Boolean.TRUE
                : verdict == Canary.Verdict.VISIBLE ? Boolean.FALSE : null; // no answer says nothing either way
        String why = Boolean.TRUE.equals(blankNow) ? blank(count(r.newlyDark().size()) + " would have gone dark" + names)
                : "the routing data looks wrong: " + r.newlyDark().size() + " targets with no prefix in common would"
                + " have gone dark in the same round" + names + ", and networks rarely fail together by the minute;"
                + " their status is unknown until the data looks normal again. If these networks really did go"
                + " down together, raise detection.suspect-after (0 turns this check off)";
        change(blankNow, massNow, why);
        boolean hold = massNow || (verdict != null && verdict != Canary.Verdict.VISIBLE);
        if (!hold || darkening.isEmpty()) {
            return new Screened(List.copyOf(looks), Set.of());
        }
        List<PrefixObservation> taken = looks.stream().filter(o -> !darkening.contains(o.prefix())).toList();
        LOG.debug("held back the darkening answers for {} prefixes ({})", darkening.size(),
                massNow ? "mass darkening" : "canary " + verdict);
        return new Screened(taken, darkening);
    }

    /**
     * Whether one looking-glass answer may be taken: yes unless it would darken its prefix while the canary is
     * not visible. For such an answer the canary is looked at again, after it: one blank answer taken into the
     * routing table would stay there until the next look, while an answer that contradicts the stream is rare.
     */
    public boolean admits(PrefixObservation look) {
        if (canary == null || darkening(List.of(look), new LinkedHashMap<>()).isEmpty()) {
            return true;
        }
        Canary.Verdict v = canary.look();
        if (v == Canary.Verdict.VISIBLE) {
            change(false, null, null);
            return true;
        }
        if (v == Canary.Verdict.NOT_VISIBLE) {
            change(true, null, blank("its answer for " + look.prefix().cidr() + " would have darkened that prefix"));
        }
        return false;
    }

    /** Whether the canary is due for a look of its own (a stream-mode source looks at it between rounds). */
    public boolean canaryDue() {
        return canary != null && canary.lastLook().map(t -> !clock.instant().isBefore(t.plus(CANARY_EVERY)))
                .orElse(true);
    }

    /** Looks at the canary now and takes what it says. */
    public void lookAtCanary() {
        if (canary != null) {
            noted(canary.look());
        }
    }

    /** The canary was observed as one of the watched prefixes: its verdict counts too. */
    public void canaryObserved(PrefixObservation look) {
        if (canary != null && canary.prefix().equals(look.prefix())) {
            noted(canary.judge(look));
        }
    }

    private void noted(Canary.Verdict v) {
        if (v == Canary.Verdict.NOT_VISIBLE) {
            change(true, null, blank("no target would have gone dark yet"));
        } else if (v == Canary.Verdict.VISIBLE) {
            change(false, null, null);
        }
    }

    /** The prefixes these observations would darken; their would-be states go into {@code after}. */
    private Set<Prefix> darkening(Collection<PrefixObservation> looks, Map<Prefix, PrefixState> after) {
        if (looks.isEmpty()) {
            return Set.of(); // most judging rounds: no database read for nothing
        }
        Map<Prefix, PrefixState> before = detector.states(looks.stream().map(PrefixObservation::prefix).toList());
        Instant now = clock.instant();
        Set<Prefix> out = new LinkedHashSet<>();
        for (PrefixObservation o : looks) {
            PrefixState b = before.get(o.prefix());
            PrefixState a = tracker.update(b, o, now);
            after.put(o.prefix(), a);
            if (!b.dark() && a.dark()) {
                out.add(o.prefix());
            }
        }
        return out;
    }

    private String blank(String what) {
        return "RIPEstat looks blank: the canary " + canary.describe() + " is not visible; " + what + "; " + meanwhile
                + ". Nothing to do if it passes within minutes; if it lasts, look for a known RIPEstat problem at"
                + " https://stat.ripe.net, and check that ripestat.canary is a prefix that is always visible";
    }

    /** Moves the suspect state; tells the operator when it starts ({@code why}) and when it ends. */
    private synchronized void change(Boolean blankNow, Boolean massNow, String why) {
        boolean before = canaryBlank || massDark;
        canaryBlank = blankNow != null ? blankNow : canaryBlank;
        massDark = massNow != null ? massNow : massDark;
        boolean after = canaryBlank || massDark;
        Instant now = clock.instant();
        if (!before && after) {
            suspectSince = now;
            detector.sourceNotice(EventType.MONITORING_DEGRADED, capitalised(why), null);
        } else if (before && !after) {
            String what = canary == null ? "The routing data looks normal again"
                    : "RIPEstat answers normally again: the canary " + canary.describe() + " is visible";
            detector.sourceNotice(EventType.MONITORING_RECOVERED, what + ", and no round darkens unrelated targets"
                    + " together; targets are judged on its answers again", Duration.between(suspectSince, now));
        }
    }

    private static String count(int targets) {
        return targets == 0 ? "no target" : targets == 1 ? "1 target" : targets + " targets";
    }

    private static String names(List<Resolved> targets) {
        if (targets.isEmpty()) {
            return "";
        }
        List<String> keys = new ArrayList<>();
        targets.stream().limit(NAMES).forEach(t -> keys.add(t.info().key()));
        return " (" + String.join(", ", keys) + (targets.size() > NAMES ? ", …" : "") + ")";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
