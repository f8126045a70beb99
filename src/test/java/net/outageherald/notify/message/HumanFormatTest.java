package net.outageherald.notify.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers in messages are grouped by thousands with commas, whatever their size or sign. */
class HumanFormatTest {

    @Test
    void numbersAreGroupedAsEnglishFormattingGroupsThem() {
        long[] values = {0, 7, 999, 1000, 1024, 65535, 999_999, 1_000_000, 123_456_789, -1, -1000, -123_456,
                Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : values) {
            assertThat(HumanFormat.number(v)).as("%d", v).isEqualTo(String.format(Locale.ENGLISH, "%,d", v));
        }
        assertThat(HumanFormat.number(1024)).isEqualTo("1,024");
        assertThat(HumanFormat.count(1, "prefix", "prefixes")).isEqualTo("1 prefix");
        assertThat(HumanFormat.count(1436, "prefix", "prefixes")).isEqualTo("1,436 prefixes");
    }
}
