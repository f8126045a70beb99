package net.outageherald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{2}: {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # text      | ISO-8601      | case
            500ms       | PT0.5S        | milliseconds, the only two-letter unit
            30s         | PT30S         | seconds
            5m          | PT5M          | minutes
            2h          | PT2H          | hours
            7d          | PT168H        | days are 24 hours: no calendar, no daylight saving
            1h30m       | PT1H30M       | combined, largest unit first
            1d2h3m4s5ms | PT26H3M4.005S | every unit at once
            ' 1h 30m '  | PT1H30M       | spaces around and between parts are fine
            5M          | PT5M          | units ignore case
            0s          | PT0S          | zero needs a unit too
            """)
    void readsDurationsWithUnits(String text, Duration expected, String ignoredCase) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2}: \"{0}\" is refused")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                | the message says                             | case
            30                    | 30 has no unit; write e.g. 30s, 30m or 30h   | a plain number could mean seconds or minutes
            1.5                   | 1.5 has no unit                              | so could a decimal
            5x                    | '5x' is not a duration; use e.g. 30s, 5m, 2h | unknown unit
            ""                    | '' is not a duration                         | nothing at all
            1.5h                  | '1.5h' is not a duration                     | fractions are written in smaller units
            30m1h                 | '30m1h' is not a duration                    | units out of order are likely a typo
            1h1h                  | '1h1h' is not a duration                     | a unit twice, too
            -5m                   | '-5m' is not a duration                      | nothing runs backwards
            PT5M                  | 'PT5M' is not a duration                     | one way of writing it, not two
            99999999999999999999d | is too long for a duration                   | more days than a Duration holds
            """)
    void refusesAnythingElseWithAHint(String text, String message, String ignoredCase) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT0S          | 0s
            PT0.5S        | 500ms
            PT1M          | 1m
            PT1H30M       | 1h30m
            PT168H        | 7d
            PT26H3M4.005S | 1d2h3m4s5ms
            """)
    void writesTheFormItReadsLargestUnitsFirst(Duration duration, String text) {
        assertThat(Durations.format(duration)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(duration);
    }

    @Test
    void refusesToWriteANegativeDuration() {
        // GIVEN a negative duration, which no config value can hold
        Duration negative = Duration.ofSeconds(-1);

        // WHEN / THEN writing it fails rather than producing text that would not read back
        assertThatThrownBy(() -> Durations.format(negative)).isInstanceOf(IllegalArgumentException.class);
    }
}
