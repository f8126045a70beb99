package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.outageherald.model.Countries;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IodaLinksTest {

    @Test
    void linksToIodasDashboardForCountriesAndAses() {
        IodaEntity kp = IodaEntity.of(new Target.Land(Countries.all().byCode("KP").orElseThrow())).orElseThrow();
        IodaEntity star = IodaEntity.of(new Target.As(131279)).orElseThrow();

        assertThat(IodaLinks.dashboard(kp)).isEqualTo("https://ioda.inetintel.cc.gatech.edu/country/KP");
        assertThat(IodaLinks.dashboard(star)).isEqualTo("https://ioda.inetintel.cc.gatech.edu/asn/131279");
    }

    @Test
    void aPrefixHasNoIodaEntity() {
        assertThat(IodaEntity.of(new Target.Net(Prefix.parse("175.45.176.0/22")))).isEmpty();
    }

    @Test
    void codesThatCouldEscapeTheUrlPathAreRefused() {
        assertThatThrownBy(() -> new IodaEntity(IodaEntity.Type.COUNTRY, "../KP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IodaEntity(IodaEntity.Type.ASN, "AS131279")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IodaEntity(IodaEntity.Type.COUNTRY, " kp ").code()).isEqualTo("KP");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            // what IODA sends today
            "This data is Copyright (c) 2021-2025 Georgia Tech Research Corporation. All Rights Reserved.; Data: IODA, Georgia Tech",
            // no answer yet
            "null; Data: IODA, Georgia Tech",
            // a new holder shows without a release
            "This data is Copyright (c) 2027 Example Research Institute. All Rights Reserved.; Data: IODA, Example Research Institute",
            // a notice too long to take apart does not put a paragraph in every message
            "Copyright 2027 by the consortium of many universities, institutes and agencies of several countries.; Data: IODA, Georgia Tech"})
    void creditsIodaFromItsCopyrightNotice(String copyright, String expected) {
        assertThat(IodaLinks.attribution(copyright)).isEqualTo(expected);
    }
}
