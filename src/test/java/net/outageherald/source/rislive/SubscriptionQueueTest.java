package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionQueueTest {

    private final SubscriptionQueue queue = new SubscriptionQueue();

    @Test
    void aNewConnectionSendsEverything() {
        queue.reset(List.of("A", "B"));

        assertThat(drain()).containsExactly(sub("A"), sub("B"));
        assertThat(queue.active()).isEqualTo(2);
    }

    @Test
    void aNewPlanSendsTheDifferenceNewOnesFirst() {
        queue.reset(List.of("A", "B"));
        drain();

        queue.update(List.of("A", "C"));

        assertThat(drain()).containsExactly(sub("C"), unsub("B"));
    }

    @Test
    void whatWasNeverSentIsNotUndone() {
        queue.reset(List.of("A"));
        drain();
        queue.update(List.of("A", "B"));
        queue.update(List.of("A"));
        assertThat(queue.pending()).isZero();

        queue.update(List.of());
        queue.update(List.of("A"));
        assertThat(queue.pending()).as("the unsubscribe of A was never sent").isZero();
    }

    @Test
    void clearForgetsTheConnection() {
        queue.reset(List.of("A"));
        queue.clear();

        assertThat(queue.poll()).isNull();
        assertThat(queue.active()).isZero();
    }

    private List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String f = queue.poll(); f != null; f = queue.poll()) {
            out.add(f);
        }
        return out;
    }

    private static String sub(String data) {
        return SubscriptionPlan.frame(data, true);
    }

    private static String unsub(String data) {
        return SubscriptionPlan.frame(data, false);
    }
}
