package net.outageherald.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParserTest {

    private final TargetParser parser = new TargetParser();

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "AS131279 | AS131279",
            "as131279 | AS131279",
            "AS 131279 | AS131279",
            "  AS-131279  | AS131279",
            "AS4294967295 | AS4294967295",
            "175.45.176.0/22 | 175.45.176.0/22",
            "175.45.177.9/22 | 175.45.176.0/22",          // host bits cleared
            "2001:67C:2E8:0:0:0:0:0/48 | 2001:67c:2e8::/48", // uncompressed IPv6, as RIS Live sends it
            "2001:db8::1/32 | 2001:db8::/32",
            "KP | KP",
            "kp | KP",
            "North Korea | KP",
            "north korea | KP",
            "Korea (North) | KP",
            "DPRK | KP",
            "Côte d’Ivoire | CI",
            "cote d'ivoire | CI",
            "United Kingdom | GB",
            "UK | GB",
            "USA | US",
            "Russia | RU",
            "South Korea | KR",
            "North Korea (KP) | KP",
            "Myanmar | MM"})
    void acceptsTheFormsPeopleType(String input, String key) {
        assertThat(parser.parse(input).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "131279", "AS0", "AS4294967296", "175.45.176.0", "175.45.176.0/33",
            "300.1.1.1/24", "2001:db8::/129", "Atlantis", "<b>KP</b>", "'; DROP TABLE target; --", "🔥",
            "::ffff:1.2.3.4/120", "AS13127912345678"})
    void rejectsAnythingElseShowingTheAcceptedForms(String input) {
        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("AS131279")
                .hasMessageContaining("North Korea");
    }

    @org.junit.jupiter.api.Test
    void overlongInputIsRefusedWithoutEchoingIt() {
        String long200 = "x".repeat(200);
        assertThatThrownBy(() -> parser.parse(long200)).hasMessageContaining("too long").hasMessageNotContaining(long200);
    }

    @org.junit.jupiter.api.Test
    void aCountryTargetCarriesItsNameAndTimeZone() {
        Target t = parser.parse("North Korea");
        assertThat(t.label()).isEqualTo("North Korea (KP)");
        assertThat(((Target.Land) t).country().zone().getId()).isEqualTo("Asia/Pyongyang");
    }
}
