package net.outageherald.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.outageherald.model.Prefix;
import net.outageherald.model.Target;
import net.outageherald.source.AnnouncedPrefix;
import net.outageherald.source.ResolutionSource;
import net.outageherald.source.RoutingSource;
import net.outageherald.store.Database;
import net.outageherald.testing.LogCapture;
import net.outageherald.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a resolution says in the log: one line when a target's prefixes are news, none for a prefix itself. */
class TargetResolverLogTest {

    private static final Prefix KP = Prefix.parse("175.45.176.0/22");
    private static final Prefix ONE = Prefix.parse("193.0.0.0/21");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-02T12:00:00Z"));
    private final LogCapture logs = new LogCapture(TargetResolver.class.getName());
    private Database db;
    private TargetResolver resolver;

    @BeforeEach
    void setUp() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("herald.db"), null, null, 2);
        resolver = new TargetResolver(new Source(), new NoRouting(), db, DetectionConfig.defaults(), clock);
    }

    @AfterEach
    void tearDown() {
        logs.close();
        db.close();
    }

    @Test
    void aPrefixThatStandsForItselfIsNotLogged() {
        assertThat(resolver.resolve(new Target.Net(ONE)).prefixes()).containsExactly(ONE);
        assertThat(lines()).isEmpty();
    }

    @Test
    void aPrefixThatStandsForMoreSpecificsIsLoggedOnce() {
        assertThat(resolver.resolve(new Target.Net(KP)).prefixes()).hasSize(4);
        assertThat(lines()).containsExactly("175.45.176.0/22 (175.45.176.0/22) resolves to 4 prefixes");
        clock.advance(DetectionConfig.defaults().resolveInterval().plusSeconds(1));
        resolver.resolve(new Target.Net(KP)); // asked again, the same answer
        assertThat(lines()).hasSize(1);
    }

    @Test
    void anAsIsLogged() {
        assertThat(resolver.resolve(new Target.As(131279)).prefixes()).containsExactly(ONE);
        assertThat(lines()).containsExactly("AS131279 (AS131279 Ryugyong-dong) resolves to 1 prefixes");
    }

    private List<String> lines() {
        return logs.infos();
    }

    /** KP's /22 stands for its four /24s; AS131279 announces one prefix. */
    private final class Source implements ResolutionSource {
        @Override
        public List<AnnouncedPrefix> announcedPrefixes(long asn) {
            return List.of(new AnnouncedPrefix(ONE, clock.instant()));
        }

        @Override
        public Optional<String> asHolder(long asn) {
            return Optional.of("Ryugyong-dong");
        }

        @Override
        public List<Long> countryAsns(String countryCode) {
            return List.of();
        }

        @Override
        public List<Prefix> coveredPrefixes(Prefix prefix) {
            if (!prefix.equals(KP)) {
                return List.of(prefix);
            }
            return java.util.stream.IntStream.range(176, 180).mapToObj(i -> Prefix.parse("175.45." + i + ".0/24"))
                    .toList();
        }
    }

    private static final class NoRouting implements RoutingSource {
        @Override
        public net.outageherald.source.PrefixObservation observe(Prefix prefix) {
            throw new AssertionError("resolving looks at no route");
        }

        @Override
        public String evidenceUrl(Prefix prefix) {
            return "";
        }
    }
}
