package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // typed                          | name         | argument        | addressed
            "/status KP                       | status       | KP              | false",
            "/STATUS kp                       | status       | kp              | false",
            "/status@HeraldBot North Korea    | status       | North Korea     | true",
            "/status@heraldbot   AS131279     | status       | AS131279        | true",
            "/subscriptions                   | subscriptions| ''              | false",
            "/start deep-link-payload         | start        | deep-link-payload | false",
            "/status@OtherBot KP              | -            | -               | -",
            "hello                            | -            | -               | -",
            "/                                | -            | -               | -",
            "/ status                         | -            | -               | -",
            "/status@ KP                      | -            | -               | -",
    })
    void parses(String typed, String name, String argument, Boolean addressed) {
        Optional<CommandLine> parsed = CommandLine.parse(typed, "HeraldBot");

        if (name == null) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).contains(new CommandLine(name, argument, addressed));
        }
    }

    @ParameterizedTest
    @CsvSource({"/status@OtherBot KP, true", "/status@HeraldBot KP, false", "/status KP, false", "hello, false"})
    void tellsCommandsForOtherBots(String typed, boolean other) {
        assertThat(CommandLine.forAnotherBot(typed, "HeraldBot")).isEqualTo(other);
    }

    @ParameterizedTest
    @CsvSource({"'/status\nKP\nAS1', 'KP\nAS1'", "'/history\t175.45.176.0/22 ', '175.45.176.0/22'"})
    void theArgumentIsEverythingAfterTheCommand(String typed, String argument) {
        assertThat(CommandLine.parse(typed, "HeraldBot").orElseThrow().argument()).isEqualTo(argument);
    }
}
