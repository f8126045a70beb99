package net.outageherald.notify.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.outageherald.model.DataPlaneReport;
import net.outageherald.model.DataPlaneReports;
import net.outageherald.model.Event;
import net.outageherald.model.EventType;
import net.outageherald.model.Facts;
import net.outageherald.model.Message;
import net.outageherald.model.Status;
import org.junit.jupiter.api.Test;

/** Second opinions in messages: quoted when there is one, and never a reason for a message to change otherwise. */
class DataPlaneMessagesTest {

    private static final Instant AT = EventMessagesTest.AT;
    private static final Facts DARK = new Facts(List.of("10.0.0.0/24"), 1, 256, 0, 1.0, 0, 20, List.of(4837L),
            null, null, List.of());
    private static final DataPlaneReport REPORT = new DataPlaneReport(
            List.of("IODA active probing: 12 % of usual up /24s"), "https://ioda.inetintel.cc.gatech.edu/asn/64500",
            "Data: IODA, Georgia Tech",
            new DataPlaneReport.Recovery("IODA active probing", Instant.parse("2014-12-22T16:40:00Z"), false,
                    "IODA active probing: 99.8 % of usual up /24s"));

    private static Event event(EventType type, Status status) {
        return EventMessagesTest.event(type, status, Status.UP, type == EventType.RESTORED ? Duration.ofMinutes(25)
                : null, DARK);
    }

    private static String field(Message m, String name) {
        return m.fields().stream().filter(f -> f.name().equals(name)).map(Message.Field::value).findFirst()
                .orElse(null);
    }

    @Test
    void anOutageQuotesTheReportWithItsLinkAndCredit() {
        AtomicReference<Instant> asked = new AtomicReference<>();
        EventMessages messages = new EventMessages((key, since) -> {
            asked.set(since);
            return Optional.of(REPORT);
        });

        Message m = messages.forEvent(event(EventType.OUTAGE_STARTED, Status.DOWN));

        assertThat(field(m, "Corroboration")).isEqualTo("IODA active probing: 12 % of usual up /24s");
        assertThat(field(m, "IODA dashboard")).isEqualTo("https://ioda.inetintel.cc.gatech.edu/asn/64500");
        assertThat(m.footer()).isEqualTo("Data: RIPE NCC RIS via RIPEstat · Data: IODA, Georgia Tech");
        // "usual" is measured against the time before the outage began
        assertThat(asked.get()).isEqualTo(AT.minus(Duration.ofHours(30)));
    }

    @Test
    void aRestorationSaysWhenTheDataPlaneCameBack() {
        EventMessages messages = new EventMessages((key, since) -> Optional.of(REPORT));

        Message m = messages.forEvent(event(EventType.RESTORED, Status.UP));

        assertThat(field(m, "Data plane")).isEqualTo("IODA active probing back to usual at 22 Dec 16:40 UTC");
        assertThat(field(m, "Corroboration")).isNull();
    }

    @Test
    void withoutAReportOrWithAFailingOneTheMessageIsExactlyAsWithoutIoda() {
        Message plain = new EventMessages(DataPlaneReports.NONE).forEvent(event(EventType.OUTAGE_STARTED, Status.DOWN));
        Message failing = new EventMessages((key, since) -> {
            throw new IllegalStateException("IODA exploded");
        }).forEvent(event(EventType.OUTAGE_STARTED, Status.DOWN));

        assertThat(failing).isEqualTo(plain);
        assertThat(plain).isEqualTo(new EventMessages().forEvent(event(EventType.OUTAGE_STARTED, Status.DOWN)));
        assertThat(plain.footer()).isEqualTo(EventMessages.FOOTER);
    }

    @Test
    void monitoringNoticesNeverAskForOne() {
        EventMessages messages = new EventMessages((key, since) -> {
            throw new AssertionError("asked for a report for a monitoring notice");
        });
        Message m = messages.forEvent(event(EventType.MONITORING_DEGRADED, Status.UNKNOWN));
        assertThat(m.headline()).startsWith("Monitoring of");
    }
}
