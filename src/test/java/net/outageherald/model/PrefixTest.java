package net.outageherald.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PrefixTest {

    @Test
    void weighsAddressSpaceInSlash24sAndSlash48s() {
        assertThat(Prefix.parse("175.45.176.0/22").weight()).isEqualTo(4.0);
        assertThat(Prefix.parse("175.45.176.0/24").weight()).isEqualTo(1.0);
        assertThat(Prefix.parse("175.45.176.0/25").weight()).isEqualTo(0.5);
        assertThat(Prefix.parse("2001:db8::/47").weight()).isEqualTo(2.0);
        assertThat(Prefix.parse("175.45.176.0/22").addresses()).isEqualTo(BigInteger.valueOf(1024));
    }

    @Test
    void containsItselfAndItsMoreSpecificsOnly() {
        Prefix kp = Prefix.parse("175.45.176.0/22");
        assertThat(kp.contains(Prefix.parse("175.45.176.0/22"))).isTrue();
        assertThat(kp.contains(Prefix.parse("175.45.179.0/24"))).isTrue();
        assertThat(kp.contains(Prefix.parse("175.45.180.0/24"))).isFalse();
        assertThat(kp.contains(Prefix.parse("175.45.176.0/21"))).isFalse();
        assertThat(Prefix.parse("2001:db8::/32").contains(Prefix.parse("2001:db8:ff00::/40"))).isTrue();
        assertThat(Prefix.parse("2001:db8::/32").contains(Prefix.parse("2001:db9::/48"))).isFalse();
        assertThat(kp.contains(Prefix.parse("2001:db8::/32"))).isFalse();
    }

    @Test
    void twoSpellingsOfOnePrefixAreEqual() {
        assertThat(Prefix.parse("2605:de00:bb:0:0:0:0:0/48")).isEqualTo(Prefix.parse("2605:de00:bb::/48"));
        assertThat(Prefix.parse("10.1.2.3/8")).isEqualTo(Prefix.parse("10.0.0.0/8"));
        assertThat(Prefix.parse("2001:0:0:1:0:0:0:0/64").cidr()).isEqualTo("2001:0:0:1::/64");
    }
}
