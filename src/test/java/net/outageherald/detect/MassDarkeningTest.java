package net.outageherald.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.outageherald.config.ConfigException;
import net.outageherald.model.Prefix;
import net.outageherald.model.PrefixState;
import net.outageherald.model.PrefixState.Visibility;
import net.outageherald.model.Target;
import org.junit.jupiter.api.Test;

class MassDarkeningTest {

    private static final Instant NOW = Instant.parse("2014-12-22T16:15:00Z");
    private final MassDarkening mass = new MassDarkening(new TargetEvaluator(DetectionConfig.defaults()));
    private final Map<Prefix, PrefixState> before = new HashMap<>();
    private final Map<Prefix, PrefixState> after = new HashMap<>();

    private static Resolved target(String key, String... prefixes) {
        Target t = new Target.As(Long.parseLong(key.substring(2)));
        return new Resolved(t, new TargetInfo(key, key, null, null), List.of(prefixes).stream().map(Prefix::parse)
                .toList(), true);
    }

    private void goesDark(String... prefixes) {
        for (String p : prefixes) {
            Prefix prefix = Prefix.parse(p);
            before.put(prefix, new PrefixState(prefix, Visibility.VISIBLE, 20, 20, Set.of(), NOW, null));
            after.put(prefix, new PrefixState(prefix, Visibility.DARK, 20, 0, Set.of(), NOW, NOW));
        }
    }

    @Test
    void targetsThatShareAPrefixAreOneGroupAndUnrelatedOnesAreCountedApart() {
        Resolved as = target("AS1", "10.0.0.0/24", "10.0.1.0/24");
        Resolved same = target("AS2", "10.0.1.0/24", "10.0.0.0/24");
        Resolved other = target("AS3", "10.3.0.0/24", "10.3.1.0/24");
        goesDark("10.0.0.0/24", "10.0.1.0/24", "10.3.0.0/24", "10.3.1.0/24");

        MassDarkening.Result r = mass.of(List.of(as, same, other), before, after);

        assertThat(r.newlyDark()).containsExactly(as, same, other);
        assertThat(r.groups()).isEqualTo(2);
    }

    @Test
    void aTargetOnlyPartlyTouchedIsNotNewlyDarkNorOneAlreadyInAnOutage() {
        // one /24 of four: not an outage by the partial rule
        Resolved touched = target("AS1", "10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24");
        goesDark("10.0.0.0/24");
        before.put(Prefix.parse("10.0.1.0/24"), new PrefixState(Prefix.parse("10.0.1.0/24"), Visibility.VISIBLE, 20,
                20, Set.of(), NOW, null));
        // two of three dark already: partly offline before the round, fully after it
        Resolved down = target("AS2", "10.2.0.0/24", "10.2.1.0/24", "10.2.2.0/24");
        for (String p : List.of("10.2.0.0/24", "10.2.1.0/24")) {
            before.put(Prefix.parse(p), new PrefixState(Prefix.parse(p), Visibility.DARK, 20, 0, Set.of(), NOW, NOW));
        }
        goesDark("10.2.2.0/24");

        assertThat(mass.of(List.of(touched, down), before, after).newlyDark()).isEmpty();
    }

    @Test
    void suspectAfterIsOffAtZeroAndRefusedAtOne() {
        assertThat(DetectionConfigs.with("suspect-after: 0").suspectAfter()).isZero();
        assertThat(DetectionConfig.defaults().suspectAfter()).isEqualTo(3);
        assertThatThrownBy(() -> DetectionConfigs.with("suspect-after: 1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("detection.suspect-after: 1 would hold back every outage");
    }
}
