package net.outageherald.notify.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationsTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(HumanDurations.human(Duration.ofSeconds(40))).isEqualTo("less than a minute");
        assertThat(HumanDurations.human(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(HumanDurations.human(Duration.ofMinutes(9 * 60 + 31))).isEqualTo("9 h 31 min");
        assertThat(HumanDurations.human(Duration.ofHours(6))).isEqualTo("6 h");
        assertThat(HumanDurations.human(Duration.ofDays(2))).isEqualTo("2 days");
        assertThat(HumanDurations.human(Duration.ofHours(27))).isEqualTo("1 day 3 h");
    }
}
