package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.outageherald.model.Countries;
import net.outageherald.model.DataPlaneReport;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import net.outageherald.testing.FakeIoda;
import net.outageherald.testing.LogCapture;
import net.outageherald.testing.MutableClock;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against a fake IODA on 127.0.0.1: batched calls, what it keeps, its backoff, its cost. */
class IodaPollerTest {

    private static final Instant NOW = Instant.parse("2014-12-22T16:00:00Z");
    private static final Target US = new Target.Land(Countries.all().byCode("US").orElseThrow());
    private static final Target KP = new Target.Land(Countries.all().byCode("KP").orElseThrow());

    private final MutableClock clock = new MutableClock(NOW);
    private final OkHttpClient http = new OkHttpClient();
    private final List<Target> watched = new ArrayList<>();
    private FakeIoda ioda;
    private IodaPoller poller;

    @BeforeEach
    void start() throws Exception {
        ioda = new FakeIoda(clock);
        IodaConfig config = new IodaConfig(true, ioda.baseUrl(), Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofMinutes(30));
        poller = new IodaPoller(new IodaClient(config, http, clock, "outage-herald-test"), () -> watched, clock,
                config.maxDataLag(), Duration.ZERO);
        ioda.usual("country/US", "bgp", 1000).usual("country/US", "ping-slash24", 500)
                .usual("country/US", "merit-nt", 80).usual("country/KP", "bgp", 4);
    }

    @AfterEach
    void stop() {
        ioda.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void oneCallPerSignalAndEntityTypeCoversEveryWatchedCountryAndAs() throws Exception {
        // GIVEN two countries, two ASes and a prefix watched
        watched.addAll(List.of(US, KP, new Target.As(131279), new Target.As(64500),
                new Target.Net(Prefix.parse("192.0.2.0/24"))));

        // WHEN one poll runs
        int calls = poller.poll();

        // THEN three calls for the countries together and three for the ASes, none for the prefix
        assertThat(calls).isEqualTo(6);
        assertThat(ioda.requests()).hasSize(6);
        assertThat(ioda.requests().stream().map(r -> r.substring(0, r.indexOf('?'))).distinct())
                .containsExactlyInAnyOrder("/v2/signals/raw/country/US,KP", "/v2/signals/raw/asn/131279,64500");
        assertThat(ioda.requests()).filteredOn(r -> r.startsWith("/v2/signals/raw/country/"))
                .extracting(r -> r.replaceAll(".*datasource=([a-z0-9-]+).*", "$1"))
                .containsExactlyInAnyOrder("bgp", "ping-slash24", "merit-nt");
        // a 25 h window, at IODA's native bins
        String first = ioda.requests().get(0);
        assertThat(first).contains("from=" + NOW.minus(Duration.ofHours(25)).getEpochSecond(),
                "until=" + NOW.getEpochSecond());
        assertThat(ioda.requests()).anyMatch(r -> r.contains("datasource=bgp") && r.contains("maxPoints=300"));
        assertThat(ioda.requests()).anyMatch(r -> r.contains("datasource=ping-slash24") && r.contains("maxPoints=150"));
        // and the latest series of each entity is kept
        assertThat(poller.latest(IodaEntity.country(Countries.all().byCode("US").orElseThrow())))
                .extracting(IodaSignal::datasource).containsExactlyInAnyOrder(IodaDatasource.values());
    }

    @Test
    void aFailingIodaIsLeftAloneAndItsLastSeriesAreKept() throws Exception {
        watched.add(US);
        poller.poll();
        int before = ioda.requests().size();

        // WHEN IODA answers 500
        ioda.failing(true);
        clock.advance(Duration.ofMinutes(5));
        int during = poller.poll();

        // THEN one call found out, the rest of the poll asked nothing, and the next poll inside the backoff neither
        assertThat(during).isEqualTo(1);
        assertThat(ioda.requests()).hasSize(before + 1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(poller.poll()).isZero();
        assertThat(ioda.requests()).hasSize(before + 1);
        assertThat(poller.latest(IodaEntity.of(US).orElseThrow())).hasSize(3);

        // WHEN the backoff (1 min) is over and IODA is back: a whole poll again
        ioda.failing(false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(poller.poll()).isEqualTo(3);
    }

    @Test
    void anHourOfPollsCostsThreeCallsPerPollForAllCountriesTogether() throws Exception {
        // GIVEN one country, then ten, polled for an hour each at the default 5 minutes
        watched.add(US);
        int oneCountry = 0;
        for (int i = 0; i < 12; i++) {
            oneCountry += poller.poll();
            clock.advance(Duration.ofMinutes(5));
        }
        for (String code : List.of("KP", "CU", "IR", "SY", "ET", "TN", "NZ", "DE", "FR")) {
            watched.add(new Target.Land(Countries.all().byCode(code).orElseThrow()));
        }
        int tenCountries = 0;
        for (int i = 0; i < 12; i++) {
            tenCountries += poller.poll();
            clock.advance(Duration.ofMinutes(5));
        }

        // THEN 36 calls an hour either way (864 a day): batching makes the cost independent of the number of
        // countries
        assertThat(oneCountry).isEqualTo(36);
        assertThat(tenCountries).isEqualTo(36);
        assertThat(poller.calls()).isEqualTo(72);
        assertThat(ioda.requests()).hasSize(72);
    }

    @Test
    void pastOnePollsCapTheCallsTakeTurnsSoEveryAsIsFetchedWithinTwoPollsAndTheCapIsToldOnce() throws Exception {
        // GIVEN 900 ASes watched: 18 batches of 50, 54 calls, more than one poll's 30
        for (int i = 0; i < 900; i++) {
            watched.add(new Target.As(10_000 + i));
        }
        IodaEntity inBatch5 = IodaEntity.of(new Target.As(10_000 + 5 * 50)).orElseThrow();
        try (LogCapture log = new LogCapture(IodaPoller.class.getName())) {
            // WHEN two polls run
            assertThat(poller.poll()).isEqualTo(IodaPoller.MAX_CALLS_PER_POLL);
            List<IodaSignal> fromFirst = poller.latest(inBatch5);
            clock.advance(Duration.ofMinutes(5));
            assertThat(poller.poll()).isEqualTo(IodaPoller.MAX_CALLS_PER_POLL);

            // THEN every AS was asked for each of the three signals: none is starved
            assertThat(poller.pollsPerRound()).isEqualTo(2);
            for (IodaDatasource ds : IodaDatasource.values()) {
                Set<String> asked = new HashSet<>();
                ioda.requests().stream().filter(r -> r.contains("datasource=" + ds.wireName() + "&")
                                || r.endsWith("datasource=" + ds.wireName()))
                        .forEach(r -> asked.addAll(List.of(r.substring("/v2/signals/raw/asn/".length(),
                                r.indexOf('?')).split(","))));
                assertThat(asked).as(ds.wireName()).hasSize(900);
            }
            // and an AS not fetched by the second poll keeps the first poll's series, to age from there
            assertThat(fromFirst).hasSize(3);
            assertThat(poller.latest(inBatch5)).containsExactlyInAnyOrderElementsOf(fromFirst);

            // and the cap is told once, not every poll
            clock.advance(Duration.ofMinutes(5));
            poller.poll();
            assertThat(log.warnings()).hasSize(1).allMatch(w -> w.contains("900 entities")
                    && w.contains("every 2 polls"));

            // WHEN one more AS is watched: told again, once; and again a day later
            watched.add(new Target.As(20_000));
            poller.poll();
            poller.poll();
            assertThat(log.warnings()).hasSize(2);
            clock.advance(Duration.ofDays(1));
            poller.poll();
            assertThat(log.warnings()).hasSize(3);
        }
    }

    @Test
    void aFreshReportQuotesEachSignalAgainstItsUsualLevel() throws Exception {
        watched.add(US);
        poller.poll();
        // WHEN active probing falls to 12 % of its usual 500 /24s at 16:00 and an outage begins
        ioda.level("country/US", "ping-slash24", 60.0);
        clock.advance(Duration.ofMinutes(15));
        poller.poll();

        DataPlaneReport r = poller.about("US", NOW).orElseThrow();
        assertThat(r.lines()).containsExactly("IODA BGP: 100 % of usual visible /24s",
                "IODA active probing: 12 % of usual up /24s", "IODA telescope: 100 % of usual unique source IPs");
        assertThat(r.link()).isEqualTo("https://ioda.inetintel.cc.gatech.edu/country/US");
        assertThat(r.attribution()).isEqualTo("Data: IODA, Georgia Tech");
        assertThat(r.recovery().backAt()).isNull();
        assertThat(r.recovery().neverDropped()).isFalse();

        // WHEN probing is back at 16:40
        clock.set(Instant.parse("2014-12-22T16:40:00Z"));
        ioda.level("country/US", "ping-slash24", 497.0);
        clock.advance(Duration.ofMinutes(20));
        poller.poll();
        assertThat(poller.about("US", NOW).orElseThrow().recovery().backAt())
                .isEqualTo(Instant.parse("2014-12-22T16:40:00Z"));
        // a prefix has no IODA entity
        assertThat(poller.about("192.0.2.0/24", NOW)).isEmpty();
    }

    @Test
    void aLaggingIodaGivesNoReportAtAll() throws Exception {
        watched.add(US);
        ioda.lagBy(Duration.ofMinutes(45));
        poller.poll();
        assertThat(poller.latest(IodaEntity.of(US).orElseThrow())).isNotEmpty();
        assertThat(poller.about("US", NOW)).isEmpty();
    }

    @Test
    void anEntityNoLongerWatchedIsForgotten() throws Exception {
        watched.addAll(List.of(US, KP));
        poller.poll();
        watched.remove(KP);
        clock.advance(Duration.ofMinutes(5));
        poller.poll();
        assertThat(poller.latest(IodaEntity.of(KP).orElseThrow())).isEmpty();
        assertThat(ioda.requests().get(ioda.requests().size() - 1)).contains("/country/US?");
    }
}
