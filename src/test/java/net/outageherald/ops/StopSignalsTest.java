package net.outageherald.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rule behind the handlers; GracefulShutdownTest proves it with real signals in a child JVM. */
class StopSignalsTest {

    private final AtomicInteger stops = new AtomicInteger();
    private final List<Integer> halts = new ArrayList<>();
    private final StopSignals signals = new StopSignals(stops::incrementAndGet, halts::add);

    @Test
    void theFirstSignalAsksForAStopAndHaltsNothing() {
        signals.received("TERM", 15);
        assertThat(stops).hasValue(1);
        assertThat(halts).isEmpty();
        assertThat(signals.received()).isTrue();
    }

    @Test
    void aSecondSignalOfEitherKindHaltsWithTheShellsCodeForIt() {
        signals.received("TERM", 15);
        signals.received("INT", 2);
        assertThat(stops).hasValue(1);
        assertThat(halts).containsExactly(130);
    }
}
