package net.outageherald.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // what was typed (escapes as Java writes them) | what commands see
            "K\\u200BP                 | KP",
            "K\\u200DP\\uFEFF          | KP",
            "\\u202Egnp.exe            | gnp.exe",
            "\\u2066AS1\\u2069         | AS1",
            "ＡＳ６４５００             | AS64500",
            "KP\\u0000AS1              | KP AS1",
            "KP\\nAS1\\tx              | KP AS1 x",
            "a\\u2028b                 | a b",
            "K\\uD800P                 | KP",
            "\\uDE00\\uD83D            | ''",
            "🇰🇵 North Korea           | 🇰🇵 North Korea",
            "<b>x</b> & *y*           | <b>x</b> & *y*",
    })
    void invisibleAndControlCharactersAreGoneAndCompatibilityFormsFolded(String typed, String seen) {
        assertThat(CommandText.clean(unescape(typed))).isEqualTo(seen);
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void emptyStaysEmptyEnough(String typed) {
        assertThat(CommandText.clean(typed).strip()).isEmpty();
        assertThat(CommandText.clean(null)).isEmpty();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 'u') {
                    b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                } else {
                    b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                    i++;
                }
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
