package net.outageherald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

    @Test
    void messageHasOneProblemPerLine() {
        // GIVEN two problems
        List<String> problems = List.of("detecton: unknown key (did you mean 'detection'?)", "watch[2]: missing");

        // WHEN they are thrown together
        ConfigException e = new ConfigException(problems);

        // THEN the list is kept and the message is one problem per line, ready for the log
        assertThat(e.problems()).isEqualTo(problems);
        assertThat(e.getMessage()).isEqualTo("detecton: unknown key (did you mean 'detection'?)\nwatch[2]: missing");
    }

    @Test
    void needsAtLeastOneProblem() {
        // GIVEN / WHEN / THEN an exception that says nothing is a bug at the throwing site
        assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
