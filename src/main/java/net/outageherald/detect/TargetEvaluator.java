package net.outageherald.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Status;

/**
 * Turns the states of a target's prefixes into a status, weighing each prefix by its address space
 * (/24s for IPv4, /48s for IPv6) as IODA does. IPv4 and IPv6 count as equal halves when both are present,
 * so one large IPv6 block cannot drown the IPv4 picture.
 *
 * <p>DOWN: the dark share of the address space is at least {@code down-fraction}. PARTIAL: at least
 * {@code partial-min-prefixes} prefixes are dark (all of them for a target judged on fewer), so one withdrawn /24
 * of a network is not an outage, <em>and</em> they are at least {@code partial-fraction} of the target, by address
 * space or by number of prefixes, whichever is more: a CDN's hundreds of /24s going dark beside its large anycast
 * blocks are few addresses but a real outage (Cloudflare, 21 June 2022: 234 of 1,434 prefixes, 3 % of the space).
 * Else UP.
 */
public final class TargetEvaluator {

    /** A round counts only if this share of the judged address space was actually observed. */
    static final double MIN_OBSERVED_SHARE = 0.9;

    private final DetectionConfig config;

    public TargetEvaluator(DetectionConfig config) {
        this.config = config;
    }

    /**
     * @param observed the states of prefixes observed in this round
     * @param missed   the states of prefixes whose observation failed this round
     */
    public Evaluation evaluate(Collection<PrefixState> observed, Collection<PrefixState> missed) {
        List<PrefixState> judged = observed.stream().filter(PrefixState::tracked).toList();
        double missedWeight = missed.stream().filter(PrefixState::tracked).mapToDouble(s -> weight(s)).sum();
        double judgedWeight = judged.stream().mapToDouble(this::weight).sum();
        if (judged.isEmpty()) {
            return Evaluation.unknown(missed.isEmpty() && observed.isEmpty() ? "no prefixes to watch"
                    : observed.isEmpty() ? "no observation" : "no prefix seen well enough to learn a baseline");
        }
        if (judgedWeight < MIN_OBSERVED_SHARE * (judgedWeight + missedWeight)) {
            return Evaluation.unknown("too few prefixes observed");
        }
        double share = darkShare(judged);
        List<PrefixState> dark = judged.stream().filter(PrefixState::dark).sorted(
                (a, b) -> a.prefix().compareTo(b.prefix())).toList();
        int minDark = Math.min(config.partialMinPrefixes(), judged.size());
        double prefixShare = (double) dark.size() / judged.size();
        Status status = share >= config.downFraction() ? Status.DOWN
                : !dark.isEmpty() && dark.size() >= minDark
                        && Math.max(share, prefixShare) >= config.partialFraction() ? Status.PARTIAL
                : Status.UP;
        PrefixState best = judged.stream().max((a, b) -> Double.compare(a.baseline(), b.baseline())).orElseThrow();
        Set<Long> upstreams = new TreeSet<>();
        judged.forEach(s -> upstreams.addAll(s.upstreams()));
        return new Evaluation(status, share, dark, judged.size(), best.peersNow(),
                (int) Math.round(best.baseline()), new ArrayList<>(upstreams), null);
    }

    private double darkShare(List<PrefixState> judged) {
        double[] total = new double[2];
        double[] dark = new double[2];
        for (PrefixState s : judged) {
            int family = s.prefix().ipv6() ? 1 : 0;
            total[family] += weight(s);
            if (s.dark()) {
                dark[family] += weight(s);
            }
        }
        double sum = 0;
        int families = 0;
        for (int f = 0; f < 2; f++) {
            if (total[f] > 0) {
                sum += dark[f] / total[f];
                families++;
            }
        }
        return sum / families;
    }

    private double weight(PrefixState s) {
        return s.prefix().weight();
    }
}
