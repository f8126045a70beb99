package net.outageherald.outbox;

import static net.outageherald.testing.NotifyHarness.tg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.model.Target;
import net.outageherald.testing.FakeMessages;
import net.outageherald.testing.NotifyHarness;
import net.outageherald.testing.WiredNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pass that a drain in the caller's thread runs is the workers' pass: the same claim rules, in
 * particular that nothing is sent on a claim that is half gone (another instance may take it once it ends).
 */
class DeliveryPassTest {

    @TempDir
    Path dir;
    private NotifyHarness h;

    @BeforeEach
    void open() {
        h = new NotifyHarness(dir);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aDrainWithSlowSendsNeverSendsOnAClaimThatIsHalfGone() {
        // GIVEN three chats owed a message, and a platform so slow that each send takes 70 s of the 2 min claim
        for (int i = 1; i <= 3; i++) {
            h.subscriptions.subscribe(tg(String.valueOf(i)), new Target.As(1));
        }
        h.outageStarted("AS1");
        List<Duration> claimLeftAtSend = new ArrayList<>();
        Sender slow = new Sender() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Delivery d) {
                claimLeftAtSend.add(Duration.between(h.clock.instant(), claimedUntil(d.outboxId())));
                h.clock.advance(Duration.ofSeconds(70));
                return new SendResult.Sent("m" + d.outboxId());
            }
        };
        WiredNotifier.wire(NotifyHarness.unlimited(), h.db, new FakeMessages(), List.of(slow), h.registry, h.clock)
                .notifier().drainOnce();

        // THEN all three went, each while at least half of its claim was left (the rest was claimed afresh)
        assertThat(h.outboxStates()).hasSize(3).allMatch(s -> s.endsWith(" SENT"));
        assertThat(claimLeftAtSend).hasSize(3)
                .allSatisfy(left -> assertThat(left).isGreaterThanOrEqualTo(NotifyConfig.defaults().claimLease()
                        .dividedBy(2)));
    }

    private Instant claimedUntil(long id) {
        return h.db.inTransaction(tx -> {
            try (var ps = tx.prepareStatement("SELECT claimed_until FROM outbox WHERE id = ?")) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return Instant.ofEpochMilli(rs.getLong(1));
                }
            }
        });
    }
}
