package net.outageherald.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.outageherald.model.Delivery;
import net.outageherald.model.Delivery.Action;
import net.outageherald.model.Platform;
import net.outageherald.model.Status;
import net.outageherald.notify.message.EventMessages;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import org.junit.jupiter.api.Test;

class WarmupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    /** Records what it is asked to warm up; a send fails the test. */
    private static final class Recording implements Sender {
        final Platform platform;
        final List<Delivery> warmed = new CopyOnWriteArrayList<>();
        final boolean fail;

        Recording(Platform platform, boolean fail) {
            this.platform = platform;
            this.fail = fail;
        }

        @Override
        public Platform platform() {
            return platform;
        }

        @Override
        public SendResult send(Delivery delivery) {
            throw new AssertionError("the warm-up must not send: " + delivery);
        }

        @Override
        public void warmUp(Delivery sample) {
            warmed.add(sample);
            if (fail) {
                throw new IllegalStateException("this sender cannot warm up");
            }
        }
    }

    @Test
    void eachSenderWarmsUpAnOutageItsRestorationAsAReplyAndTheEditOnItsOwnPlatform() {
        // GIVEN a console whose warm-up fails and a Telegram sender
        Recording console = new Recording(Platform.CONSOLE, true);
        Recording telegram = new Recording(Platform.TELEGRAM, false);

        // WHEN the warm-up runs on its thread
        Thread t = new Warmup(new EventMessages(), List.of(console, telegram), CLOCK).start();

        // THEN the failure stayed with the console, and Telegram got the three kinds of delivery, words and all
        assertThat(t.getName()).isEqualTo("herald-warmup");
        assertThat(t.isDaemon()).isTrue();
        joinQuietly(t);
        assertThat(console.warmed).hasSize(1);
        assertThat(telegram.warmed).extracting(Delivery::action, Delivery::refId)
                .containsExactly(tuple(Action.SEND, null), tuple(Action.SEND, "1"), tuple(Action.EDIT, "1"));
        assertThat(telegram.warmed).allSatisfy(d -> assertThat(d.to().platform()).isEqualTo(Platform.TELEGRAM));
        assertThat(telegram.warmed.get(0).message().status()).isEqualTo(Status.DOWN);
        assertThat(telegram.warmed.get(0).message().headline()).contains("AS64496");
        assertThat(telegram.warmed.get(1).message().status()).isEqualTo(Status.UP);
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(t.isAlive()).isFalse();
    }
}
