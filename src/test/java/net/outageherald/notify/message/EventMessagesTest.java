package net.outageherald.notify.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Message;
import net.outageherald.model.Status;
import org.junit.jupiter.api.Test;

/** The words of the events this package's detection side adds: how much is dark, withdrawn prefixes, a suspect source. */
class EventMessagesTest {

    static final Instant AT = Instant.parse("2014-12-22T16:15:00Z");
    private final EventMessages messages = new EventMessages();

    static Event event(EventType type, Status status, Status previous, Duration duration, Facts facts) {
        return new Event(1, type, "AS64500", "AS64500 EXAMPLE", null, status, previous, AT, 7L,
                AT.minus(Duration.ofHours(30)), duration, facts);
    }

    private static String field(Message m, String name) {
        return m.fields().stream().filter(f -> f.name().equals(name)).map(Message.Field::value).findFirst()
                .orElse(null);
    }

    @Test
    void aPartialOutageSaysHowMuchOfTheTargetIsDark() {
        Facts f = new Facts(List.of("10.0.5.0/24", "10.0.6.0/24", "10.0.7.0/24"), 20, 768, 0, 0.15, 0, 20,
                List.of(4837L), null, null, List.of());
        Message m = messages.forEvent(event(EventType.OUTAGE_STARTED, Status.PARTIAL, Status.UP, null, f));
        assertThat(m.headline()).isEqualTo("AS64500 EXAMPLE is partly offline");
        assertThat(field(m, "Dark")).isEqualTo("3 of 20 prefixes, 15 % of the address space");
    }

    @Test
    void sharesAreNeverRoundedToNothingOrToTheWhole() {
        Facts tiny = new Facts(List.of("10.0.5.0/24"), 300, 256, 0, 0.004, 0, 20, List.of(), null, null, List.of());
        Facts nearly = new Facts(List.of("10.0.5.0/24"), 300, 256, 0, 0.996, 0, 20, List.of(), null, null, List.of());
        assertThat(field(messages.forEvent(event(EventType.OUTAGE_STARTED, Status.PARTIAL, Status.UP, null, tiny)),
                "Dark")).endsWith("less than 1 % of the address space");
        assertThat(field(messages.forEvent(event(EventType.OUTAGE_STARTED, Status.DOWN, Status.UP, null, nearly)),
                "Dark")).endsWith("more than 99 % of the address space");
    }

    @Test
    void factsWithoutAShareShowNoDarkField() {
        Facts old = new Facts(List.of("10.0.5.0/24"), 4, 256, 0, 0, 20, List.of(), null, null);
        assertThat(field(messages.forEvent(event(EventType.OUTAGE_STARTED, Status.PARTIAL, Status.UP, null, old)),
                "Dark")).isNull();
    }

    @Test
    void aPartialOutageEndedByAWithdrawalSaysSoAndNotBackOnline() {
        Facts f = new Facts(List.of(), 19, 0, 0, 0, 20, 20, List.of(4837L), null, null, List.of("10.0.5.0/24"));
        Event restored = event(EventType.RESTORED, Status.UP, Status.PARTIAL, Duration.ofHours(30), f);

        Message m = messages.forEvent(restored);
        assertThat(m.headline()).isEqualTo("AS64500 EXAMPLE stopped announcing 1 prefix: 10.0.5.0/24");
        assertThat(m.summary()).startsWith("It was dark for 1 day 6 h while the rest of AS64500 EXAMPLE stayed visible")
                .contains("no longer watched", "operator to check").doesNotContain("back online");
        assertThat(field(m, "Prefixes withdrawn")).isEqualTo("10.0.5.0/24");

        Message edited = messages.resolvedOriginal(restored);
        assertThat(edited.headline()).isEqualTo(
                "Closed: AS64500 EXAMPLE stopped announcing 1 prefix (partly offline for 1 day 6 h)");
        assertThat(edited.summary()).isEqualTo("This outage is over: 10.0.5.0/24 is no longer announced.");
    }

    @Test
    void aRestorationWithNothingWithdrawnIsStillBackOnline() {
        Facts f = new Facts(List.of(), 20, 0, 0, 0, 20, 20, List.of(), null, null, List.of());
        Message m = messages.forEvent(event(EventType.RESTORED, Status.UP, Status.PARTIAL, Duration.ofMinutes(9), f));
        assertThat(m.headline()).isEqualTo("AS64500 EXAMPLE is back online after 9 min");
    }

    @Test
    void theRoutingDataOnHoldAndBackIsToldAsSuchNotAsATargetsMonitoring() {
        Event onHold = new Event(2, EventType.MONITORING_DEGRADED, Event.ROUTING_DATA, Event.ROUTING_DATA_NAME, null,
                Status.UNKNOWN, Status.UP, AT, null, null, null, Facts.none("RIPEstat looks blank: the canary"
                + " 193.0.0.0/21 is not visible; 3 targets would have gone dark; their status is unknown until it"
                + " answers normally"));
        Message m = messages.forEvent(onHold);
        assertThat(m.status()).isEqualTo(Status.UNKNOWN);
        assertThat(m.headline()).isEqualTo("Outage reports on hold: the routing data looks wrong");
        assertThat(m.summary()).isEqualTo("RIPEstat looks blank: the canary 193.0.0.0/21 is not visible; 3 targets"
                + " would have gone dark; their status is unknown until it answers normally.");

        Event back = new Event(3, EventType.MONITORING_RECOVERED, Event.ROUTING_DATA, Event.ROUTING_DATA_NAME, null,
                Status.UP, Status.UNKNOWN, AT, null, null, Duration.ofMinutes(20), Facts.none("RIPEstat answers"
                + " normally again"));
        Message r = messages.forEvent(back);
        assertThat(r.headline()).isEqualTo("Outage reports resumed: the routing data looks right again");
        assertThat(field(r, "On hold for")).isEqualTo("20 min");
    }
}
