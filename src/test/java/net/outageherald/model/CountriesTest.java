package net.outageherald.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The country matcher behind autocomplete: by code, name and the other names people use, best first. */
class CountriesTest {

    private final Countries countries = Countries.all();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kp | KP",
            "KP | KP",
            "north korea | KP",
            "North Korea | KP",
            "DPRK | KP",
            "usa | US",
            "UK | GB",
            "Russia | RU",
            "south korea | KR",
            "côte | CI",
            "ivory | CI",
            "UAE | AE"})
    void theBestMatchIsTheCountryMeant(String typed, String code) {
        assertThat(codes(typed, 25)).first().isEqualTo(code);
    }

    @Test
    void namesThatStartWithTheTextComeInNameOrderBeforeOnesThatOnlyHaveAWordStartingWithIt() {
        assertThat(codes("nor", 25)).startsWith("NF", "KP", "MK", "MP", "NO");
        // "korea" starts no name: the names with a word starting with it
        assertThat(codes("korea", 25)).containsExactly("KP", "KR");
    }

    @Test
    void aCodeBeforeNamesThatStartWithTheSameLetters() {
        List<String> de = codes("de", 25);
        assertThat(de.get(0)).isEqualTo("DE");
        assertThat(de).contains("DK"); // Denmark
    }

    @Test
    void aShortTextOnlyMatchesStartsNotTheMiddleOfNames() {
        // "an" is inside many names (France, Japan); from three letters on a name may contain it
        assertThat(codes("an", 250)).doesNotContain("FR", "JP").contains("AD"); // Andorra
        assertThat(codes("stan", 250)).contains("AF", "KZ", "PK");
    }

    @Test
    void atMostMaxAndEveryCountryForNothingTyped() {
        assertThat(codes("k", 5)).hasSize(5);
        assertThat(codes("", 25)).hasSize(25).isSortedAccordingTo((a, b) -> Countries.key(name(a))
                .compareTo(Countries.key(name(b))));
        assertThat(countries.matching("", 1000)).hasSize(countries.list().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"🔥", "%", "'; DROP TABLE target; --", "\u202Ekp", "zz", "  ", "(KP)",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void nonsenseMatchesNothingOrSomethingButNeverThrows(String typed) {
        assertThat(countries.matching(typed, 25)).hasSizeLessThanOrEqualTo(25);
    }

    @Test
    void aNameWithItsCodeAsOurMessagesShowIt() {
        assertThat(countries.find("North Korea (KP)")).map(Country::code).contains("KP");
        assertThat(countries.find("north korea(kp)")).map(Country::code).contains("KP");
        assertThat(countries.find("France (KP)")).isEmpty();
        assertThat(countries.matching(null, 3)).hasSize(3);
    }

    private List<String> codes(String typed, int max) {
        return countries.matching(typed, max).stream().map(Country::code).toList();
    }

    private String name(String code) {
        return countries.byCode(code).orElseThrow().name();
    }
}
