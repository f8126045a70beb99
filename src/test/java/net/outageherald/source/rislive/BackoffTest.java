package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndStartsOverAfterAReset() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            b.next();
        }
        assertThat(b.next()).isEqualTo(Duration.ofMinutes(2)).as("1, 2, 4 … 64, then the cap");
        assertThat(b.next()).isEqualTo(Duration.ofMinutes(2));

        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }
}
