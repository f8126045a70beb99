package net.outageherald.detect;

import net.outageherald.model.TargetState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.outageherald.model.EventType;
import net.outageherald.model.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TargetStateMachineTest {

    private static final Instant T0 = Instant.parse("2014-12-22T16:00:00Z");
    private static final DetectionConfig CONFIG = DetectionConfig.defaults(); // confirm-after 3, unknown-after 10m

    /** Rounds one minute apart: U/P/D are observations, "-" a round without usable data. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // first good round establishes UP silently
                Arguments.of("UUU", List.of()),
                // a flap (dark one poll, back the next) says nothing
                Arguments.of("UDUUU", List.of()),
                // two dark rounds are not enough with confirm-after 3
                Arguments.of("UDDUUU", List.of()),
                // three dark rounds: one outage, announced once however long it lasts
                Arguments.of("UDDDDDD", List.of("OUTAGE_STARTED@1")),
                // ... and one restoration, dated at the first good round, after it held
                Arguments.of("UDDDDUUU", List.of("OUTAGE_STARTED@1", "RESTORED@5")),
                // partial, then escalation to down
                Arguments.of("UPPPDDD", List.of("OUTAGE_STARTED@1", "OUTAGE_CHANGED@4")),
                // a streak PARTIAL then DOWN is one outage from its first round
                Arguments.of("UPDD", List.of("OUTAGE_STARTED@1")),
                // a restoration that flaps back down is no restoration
                Arguments.of("UDDDUDUDDD", List.of("OUTAGE_STARTED@1")),
                // missing data never makes an outage; after 10 min it is degraded once, then recovered once
                Arguments.of("U" + "-".repeat(15) + "UU", List.of("MONITORING_DEGRADED@10", "MONITORING_RECOVERED@16")),
                // an outage survives a data gap: no restoration without seeing the network back
                Arguments.of("UDDD" + "-".repeat(12) + "DD", List.of("OUTAGE_STARTED@1", "MONITORING_DEGRADED@13",
                        "MONITORING_RECOVERED@16")),
                // gaps between dark rounds do not reset confirmation
                Arguments.of("UD-D-D", List.of("OUTAGE_STARTED@1")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void announcesOnlyConfirmedChanges(String rounds, List<String> expected) {
        TargetStateMachine machine = new TargetStateMachine(CONFIG);
        TargetState state = TargetState.fresh("AS131279", T0);
        List<String> told = new ArrayList<>();
        for (int i = 0; i < rounds.length(); i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            char c = rounds.charAt(i);
            Transition t = c == '-' ? machine.miss(state, at) : machine.observe(state, status(c), at, null);
            for (Transition.Change change : t.changes()) {
                told.add(change.type() + "@" + Duration.between(T0, change.at()).toMinutes());
            }
            state = t.state();
        }
        assertThat(told).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Status.class, names = {"PARTIAL", "DOWN"})
    void degradedTargetShowsUnknownButKeepsItsOutage(Status severity) {
        // GIVEN a confirmed outage of this severity, begun at the first dark round (16:01)
        TargetStateMachine machine = new TargetStateMachine(CONFIG);
        TargetState s = TargetState.fresh("KP", T0);
        for (int i = 0; i < 4; i++) {
            s = machine.observe(s, i == 0 ? Status.UP : severity, T0.plusSeconds(60L * i), null).state();
        }
        assertThat(s.shown()).isEqualTo(severity);
        // WHEN data goes missing for longer than unknown-after
        Transition t = machine.miss(s, T0.plus(Duration.ofMinutes(30)));
        // THEN the target shows UNKNOWN, but the outage is still open, with its severity and its start
        assertThat(t.changes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(EventType.MONITORING_DEGRADED);
            assertThat(c.from()).isEqualTo(severity);
            assertThat(c.to()).isEqualTo(Status.UNKNOWN);
        });
        assertThat(t.state().shown()).isEqualTo(Status.UNKNOWN);
        assertThat(t.state().confirmed()).isEqualTo(severity);
        assertThat(t.state().outageStart()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    }

    @org.junit.jupiter.api.Test
    void restorationReportsTheWholeOutage() {
        TargetStateMachine machine = new TargetStateMachine(CONFIG);
        TargetState s = TargetState.fresh("KP", T0);
        s = machine.observe(s, Status.UP, T0, null).state();
        // GIVEN the first prefix went dark at 16:15 (known from the prefix state) and it was confirmed later
        Instant dark = Instant.parse("2014-12-22T16:15:00Z");
        for (int i = 1; i <= 3; i++) {
            s = machine.observe(s, Status.DOWN, dark.plusSeconds(60L * i), dark).state();
        }
        assertThat(s.outageStart()).isEqualTo(dark);
        // WHEN it is back from 01:46 and that holds
        Instant back = Instant.parse("2014-12-23T01:46:00Z");
        List<Transition.Change> changes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Transition t = machine.observe(s, Status.UP, back.plusSeconds(60L * i), null);
            changes.addAll(t.changes());
            s = t.state();
        }
        // THEN the restoration says 9 h 31 min
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(EventType.RESTORED);
            assertThat(c.duration()).isEqualTo(Duration.ofHours(9).plusMinutes(31));
        });
    }

    private static Status status(char c) {
        return switch (c) {
            case 'U' -> Status.UP;
            case 'P' -> Status.PARTIAL;
            case 'D' -> Status.DOWN;
            default -> throw new IllegalArgumentException(String.valueOf(c));
        };
    }
}
