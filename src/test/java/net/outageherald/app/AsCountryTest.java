package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import net.outageherald.store.TargetRecord;
import net.outageherald.store.TargetRepository;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AS target's country, for its local time, comes from RIPEstat's rir-stats-country beside the holder's name:
 * stored with the resolution, and never a reason for the AS not to be watched.
 */
class AsCountryTest {

    private static final String PREFIX = "198.51.100.0/24";
    private static final String YAML = """
            detection:
              spread-polls: false
              resolve-interval: 1h
            notify:
              console: false
            """;

    @TempDir
    Path dir;
    private Harness h;

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void theAsCountryIsStoredWithTheResolution() throws Exception {
        h = new Harness(dir, "AS64496", YAML);
        h.ripestat.as(64496, "EXAMPLE-NL", 15, PREFIX).asCountry(64496, "NL");

        h.poll();

        assertThat(stored().countryCode()).isEqualTo("NL");
        assertThat(h.ripestat.rirStatsCalls()).isEqualTo(1);
    }

    @Test
    void aFailingCountryLookupNeverStopsResolutionAndLeavesTheAsInUtc() throws Exception {
        h = new Harness(dir, "AS64496", YAML);
        h.ripestat.as(64496, "EXAMPLE-NL", 15, PREFIX).asCountry(64496, "NL");
        h.ripestat.failRirStats(true);

        h.poll(2);

        TargetRecord r = stored();
        assertThat(r.prefixes()).hasSize(1);
        assertThat(r.resolvedAt()).isNotNull();
        assertThat(r.name()).isEqualTo("AS64496 EXAMPLE-NL");
        assertThat(r.countryCode()).isNull();
        assertThat(h.app().commands().status("AS64496").message().headline()).isEqualTo("AS64496 EXAMPLE-NL is online");
    }

    @Test
    void anAsWhoseCountryIsUnknownHasNone() throws Exception {
        h = new Harness(dir, "AS64500", YAML);
        h.ripestat.as(64500, "EXAMPLE", 15, "192.0.2.0/24"); // rir-stats-country lists no location

        h.poll();

        assertThat(stored("AS64500").countryCode()).isNull();
        assertThat(stored("AS64500").prefixes()).hasSize(1);
    }

    @Test
    void aRefreshWhoseCountryLookupFailsKeepsTheCountryItKnew() throws Exception {
        h = new Harness(dir, "AS64496", YAML);
        h.ripestat.as(64496, "EXAMPLE-NL", 15, PREFIX).asCountry(64496, "NL");
        h.poll();
        h.ripestat.failRirStats(true);
        int before = h.ripestat.rirStatsCalls();

        h.clock.advance(Duration.ofHours(2)); // past resolve-interval: resolved again
        h.poll();

        assertThat(h.ripestat.rirStatsCalls()).isGreaterThan(before);
        assertThat(stored().countryCode()).isEqualTo("NL");
    }

    private TargetRecord stored() {
        return stored("AS64496");
    }

    private TargetRecord stored(String key) {
        Optional<TargetRecord> r = h.app().database().inTransaction(tx -> new TargetRepository().find(tx, key));
        return r.orElseThrow();
    }
}
