package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.outageherald.model.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must agree with {@link Prefix#parse} on every input, canonical or not, valid or not. */
class PrefixTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"175.45.176.0/22", "175.45.176.1/22", "0.0.0.0/0", "255.255.255.255/32", "10.0.0.0/8",
            "010.0.0.0/8", "10.0.0.0/08", "2605:de00:bb:0:0:0:0:0/48", "2001:7fb::/32", "2001:7FB::/32", "::/0",
            "::1/128", "1::/16", "2001:db8:0:0:1:0:0:1/128", "2001:0:0:1:0:0:0:1/128", "fe80::768e:f8ff:fea6:b2c4/64",
            "2001:db8::ffff:1.2.3.4/128", " 10.0.0.0/8", "2001:db8:ab:0:0:0:0:0/47"})
    void agreesWithPrefixParseOnValidInput(String text) {
        Prefix fast = PrefixText.parse(text);

        assertThat(fast).isEqualTo(Prefix.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0/8", "10.0.0.0.0/8", "256.0.0.0/8", "10.0.0.0/", "/8",
            "10..0.0/8", "10.0.0.0/x", "2001:db8::/129", "2001:db8:::/32", ":2001:db8::/32", "2001:db8:/32",
            "1:2:3:4:5:6:7:8:9/128", "12345::/16", "g::/16", "1::2::3/64", "eor", "", "1.2.3.4/-1"})
    void refusesWhatPrefixParseRefuses(String text) {
        Throwable slow = catchThrowable(() -> Prefix.parse(text));
        assertThat(slow).as("Prefix.parse(%s)", text).isInstanceOf(IllegalArgumentException.class);

        assertThatThrownBy(() -> PrefixText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesOnRandomPrefixes() {
        Random random = new Random(7);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            inputs.add((random.nextInt(256)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + "/" + random.nextInt(33));
            StringBuilder v6 = new StringBuilder();
            for (int g = 0; g < 8; g++) {
                // many zero groups, so that "::" runs of every length and position occur
                int group = random.nextInt(3) == 0 ? random.nextInt(0x10000) : 0;
                v6.append(g == 0 ? "" : ":").append(random.nextBoolean() ? Integer.toHexString(group)
                        : String.format("%04X", group));
            }
            inputs.add(v6 + "/" + random.nextInt(129));
            inputs.add(Prefix.parse(v6 + "/" + random.nextInt(129)).cidr());
        }
        for (String text : inputs) {
            assertThat(PrefixText.parse(text)).as(text).isEqualTo(Prefix.parse(text));
        }
    }

    @Test
    void reusesACanonicalInputString() {
        String text = "175.45.176.0/22";

        assertThat(PrefixText.parse(text).cidr()).isSameAs(text);
    }

    @Test
    void givesTheAddressBitsForTheTrie() {
        long[] bits = new long[2];
        PrefixText.bits(Prefix.parse("192.0.2.0/24"), bits);
        assertThat(bits[0]).isEqualTo(0xC0000200L << 32);

        PrefixText.bits(Prefix.parse("2001:db8::1/128"), bits);
        assertThat(bits).containsExactly(0x20010db800000000L, 1L);
    }
}
