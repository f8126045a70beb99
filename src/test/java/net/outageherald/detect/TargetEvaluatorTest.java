package net.outageherald.detect;

import net.outageherald.model.PrefixState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.outageherald.model.PrefixState.Visibility;
import net.outageherald.model.Prefix;
import net.outageherald.model.Status;
import net.outageherald.source.PrefixObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetEvaluatorTest {

    private static final Instant NOW = Instant.parse("2014-12-22T16:15:00Z");
    private final TargetEvaluator evaluator = new TargetEvaluator(DetectionConfig.defaults());

    private static PrefixState state(String prefix, Visibility v) {
        return new PrefixState(Prefix.parse(prefix), v, 20, v == Visibility.DARK ? 0 : 20, Set.of(4837L), NOW, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // all /24s visible
            "VVVV | UP",
            // one /24 of four dark: a quarter of the space
            "DVVV | PARTIAL",
            // all dark
            "DDDD | DOWN"})
    void statusFollowsTheShareOfDarkAddressSpace(String pattern, Status expected) {
        List<PrefixState> states = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            states.add(state("175.45." + (176 + i) + ".0/24", pattern.charAt(i) == 'D' ? Visibility.DARK
                    : Visibility.VISIBLE));
        }
        assertThat(evaluator.evaluate(states, List.of()).status()).isEqualTo(expected);
    }

    @Test
    void aSmallDarkPrefixBesideALargeVisibleOneWeighsLittle() {
        // a /16 (256 /24s) visible and one /24 dark: 1/257 of the space, below partial-fraction 0.02
        Evaluation e = evaluator.evaluate(List.of(state("10.0.0.0/16", Visibility.VISIBLE),
                state("192.0.2.0/24", Visibility.DARK)), List.of());
        assertThat(e.status()).isEqualTo(Status.UP);
        assertThat(e.darkShare()).isLessThan(0.01);
    }

    @Test
    void ipv4AndIpv6CountAsHalvesSoALargeV6BlockCannotHideV4() {
        Evaluation e = evaluator.evaluate(List.of(state("192.0.2.0/24", Visibility.DARK),
                state("2001:db8::/32", Visibility.VISIBLE)), List.of());
        assertThat(e.darkShare()).isEqualTo(0.5);
        assertThat(e.status()).isEqualTo(Status.PARTIAL);
    }

    @Test
    void prefixesWithoutABaselineAreNotJudged() {
        Evaluation e = evaluator.evaluate(List.of(PrefixState.fresh(Prefix.parse("192.0.2.0/24"))), List.of());
        assertThat(e.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void tooFewPrefixesObservedIsUnknownNotDown() {
        Evaluation e = evaluator.evaluate(List.of(state("192.0.2.0/24", Visibility.DARK)),
                List.of(state("198.51.100.0/24", Visibility.VISIBLE)));
        assertThat(e.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void hysteresisKeepsAPrefixNearTheEdgeFromFlapping() {
        PrefixTracker tracker = new PrefixTracker(DetectionConfig.defaults()); // enter 0.25, leave 0.5
        Prefix p = Prefix.parse("192.0.2.0/24");
        PrefixState s = PrefixState.fresh(p);
        int[] peers = {100, 100, 20, 30, 40, 49, 50, 30, 26};
        List<Visibility> seen = new ArrayList<>();
        for (int n : peers) {
            s = tracker.update(s, observation(p, n), NOW);
            seen.add(s.visibility());
        }
        assertThat(seen).containsExactly(Visibility.VISIBLE, Visibility.VISIBLE, Visibility.DARK, Visibility.DARK,
                Visibility.DARK, Visibility.DARK, Visibility.VISIBLE, Visibility.VISIBLE, Visibility.VISIBLE);
        assertThat(s.baseline()).isBetween(90.0, 100.0); // learning paused below the leave threshold
    }

    private static PrefixObservation observation(Prefix p, int peers) {
        Set<String> set = new java.util.HashSet<>();
        for (int i = 0; i < peers; i++) {
            set.add("RRC00 192.0.2." + i);
        }
        return new PrefixObservation(p, NOW, set, 1, Set.of(64500L), Set.of(4837L));
    }
}
