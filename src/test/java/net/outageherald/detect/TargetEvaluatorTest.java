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
            // one /24 of four dark: a quarter of the space, but a single prefix is not an outage
            "DVVV | UP",
            // two of four: half the space, and the two prefixes partial-min-prefixes asks for
            "DDVV | PARTIAL",
            // all dark
            "DDDD | DOWN",
            // a target of one prefix needs only that one
            "D | DOWN",
            // one /24 of twenty dark: 5 % of the space, below partial-fraction 0.1, and a single prefix
            "DVVVVVVVVVVVVVVVVVVV | UP",
            // two of twenty: 10 %, exactly partial-fraction
            "DDVVVVVVVVVVVVVVVVVV | PARTIAL",
            // nineteen of twenty: 95 %, down-fraction
            "DDDDDDDDDDDDDDDDDDDV | DOWN"})
    void statusFollowsTheShareOfDarkAddressSpace(String pattern, Status expected) {
        List<PrefixState> states = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            states.add(state("10.0." + i + ".0/24", pattern.charAt(i) == 'D' ? Visibility.DARK
                    : Visibility.VISIBLE));
        }
        assertThat(evaluator.evaluate(states, List.of()).status()).isEqualTo(expected);
    }

    @Test
    void smallDarkPrefixesBesideALargeVisibleOneWeighLittle() {
        // a /16 (256 /24s) and thirty /24s visible, two /24s dark: 2/288 of the space and 2 of 33 prefixes,
        // both below partial-fraction 0.1
        List<PrefixState> states = new ArrayList<>(List.of(state("10.0.0.0/16", Visibility.VISIBLE),
                state("192.0.2.0/24", Visibility.DARK), state("198.51.100.0/24", Visibility.DARK)));
        for (int i = 0; i < 30; i++) {
            states.add(state("172.16." + i + ".0/24", Visibility.VISIBLE));
        }
        Evaluation e = evaluator.evaluate(states, List.of());
        assertThat(e.status()).isEqualTo(Status.UP);
        assertThat(e.darkShare()).isLessThan(0.01);
    }

    @Test
    void manyDarkSlash24sBesideLargeAnycastBlocksArePartialByTheirNumber() {
        // as Cloudflare on 21 June 2022: a /12 visible and twenty /24s, five of them dark: 5/4116 of the space,
        // but a quarter of the prefixes
        List<PrefixState> states = new ArrayList<>(List.of(state("104.16.0.0/12", Visibility.VISIBLE)));
        for (int i = 0; i < 20; i++) {
            states.add(state("172.16." + i + ".0/24", i < 5 ? Visibility.DARK : Visibility.VISIBLE));
        }
        Evaluation e = evaluator.evaluate(states, List.of());
        assertThat(e.darkShare()).isLessThan(0.01);
        assertThat(e.status()).isEqualTo(Status.PARTIAL);
    }

    @Test
    void aLargePrefixDarkIsPartialOnceAnotherPrefixIsDarkToo() {
        // a /22 (4 /24s) of six /24s' worth dark: 4/6 of the space, but one prefix; a second one makes it partial
        List<PrefixState> states = new ArrayList<>(List.of(state("10.0.0.0/22", Visibility.DARK),
                state("192.0.2.0/24", Visibility.VISIBLE), state("198.51.100.0/24", Visibility.VISIBLE)));
        assertThat(evaluator.evaluate(states, List.of()).status()).isEqualTo(Status.UP);
        states.set(1, state("192.0.2.0/24", Visibility.DARK));
        Evaluation e = evaluator.evaluate(states, List.of());
        assertThat(e.status()).isEqualTo(Status.PARTIAL);
        assertThat(e.darkShare()).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void partialMinPrefixesOfOneCountsASinglePrefix() {
        Evaluation e = new TargetEvaluator(DetectionConfigs.with("partial-min-prefixes: 1")).evaluate(List.of(state("175.45.176.0/24", Visibility.DARK),
                state("175.45.177.0/24", Visibility.VISIBLE), state("175.45.178.0/24", Visibility.VISIBLE),
                state("175.45.179.0/24", Visibility.VISIBLE)), List.of());
        assertThat(e.status()).isEqualTo(Status.PARTIAL);
    }

    @Test
    void ipv4AndIpv6CountAsHalvesSoALargeV6BlockCannotHideV4() {
        Evaluation e = evaluator.evaluate(List.of(state("192.0.2.0/24", Visibility.DARK),
                state("198.51.100.0/24", Visibility.DARK), state("2001:db8::/32", Visibility.VISIBLE)), List.of());
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
