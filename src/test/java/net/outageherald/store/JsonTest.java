package net.outageherald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Status;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void storedPayloadsSurviveTheRoundTripAndOneThatCannotBeStoredSaysWhich() {
        Instant at = Instant.parse("2026-12-03T12:00:00Z");
        Event e = new Event(0, EventType.OUTAGE_STARTED, "AS64496", "AS64496", null, Status.DOWN, Status.UP,
                at, 1L, at, null, new Facts(List.of("192.0.2.0/24"), 1, 256, 0, 0, 300, List.of(64_497L), null, null));

        assertThat(Json.roundTrip(e)).isEqualTo(e);
        assertThatThrownBy(() -> Json.roundTrip(new Object()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot store a Object: ");
    }
}
