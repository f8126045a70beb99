package net.outageherald.config;

import net.outageherald.app.HeraldConfig;
import net.outageherald.ops.LoggingConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.outageherald.model.Target;
import net.outageherald.model.TargetParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithSeveralMistakesReportsAllOfThemWithTheirPathsInOneException() throws IOException {
        // GIVEN a file with a typo'd section, an unknown nested key, a bad duration, numbers out of range,
        // a bad target, a wrong type, and a rule between two keys broken
        Path file = write("""
                detecton:
                  poll-interval: 1m
                detection:
                  poll-interval: 5x
                  confirm-after: 0
                  dark-leave-fraction: 0.1
                  flap-guard: 3
                ripestat:
                  url: [https://stat.ripe.net]
                  max-in-flight: 20
                watch:
                  - AS3333
                  - 193.0.0.0/21
                  - AS-FOO
                database:
                  pool-size: many
                """);

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeraldConfig.load(file, Map.of()));

        // THEN every mistake is there, each with its path: values in binding order, then unknown keys
        assertThat(e.problems()).containsExactly(
                "watch[2]: 'AS-FOO' is not an AS, a prefix or a country we know. " + TargetParser.ACCEPTED_FORMS,
                "detection.poll-interval: '5x' is not a duration; use e.g. 30s, 5m, 2h",
                "detection.confirm-after: 0 is out of range; use 1 to 100",
                "detection.dark-leave-fraction: 0.1 is below dark-enter-fraction (0.25); it must be at least that,"
                        + " or a target would flap in and out of dark",
                "ripestat.url: expected text, got a list",
                "ripestat.max-in-flight: 20 is out of range; use 1 to 8",
                "database.pool-size: expected a whole number, got 'many'",
                "detecton: unknown key (did you mean 'detection'?)",
                "detection.flap-guard: unknown key");
        assertThat(e.getMessage().split("\n")).containsExactlyElementsOf(e.problems());
    }

    @Test
    void rulesBetweenKeysAreReportedAtTheKeyToChange() throws IOException {
        // GIVEN thresholds and backoffs that contradict each other
        Path file = write("""
                detection: {partial-fraction: 0.5, down-fraction: 0.5, baseline-alpha: 0}
                ripestat: {retry-backoff: 10s, retry-backoff-max: 5s, failure-backoff: 1m, failure-backoff-max: 30s}
                """);

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeraldConfig.load(file, Map.of()));

        // THEN each contradiction is one problem at the key that should move
        assertThat(e.problems()).containsExactly(
                "detection.baseline-alpha: 0 would never learn; use a value above 0, up to 1",
                "detection.down-fraction: 0.5 must be above partial-fraction (0.5)",
                "ripestat.retry-backoff-max: '5s' is below retry-backoff (10s); the cap must be at least the start",
                "ripestat.failure-backoff-max: '30s' is below failure-backoff (1m); the cap must be at least the start");
    }

    @Test
    void anEmptyFileGivesTheDefaults() throws IOException {
        // GIVEN an empty file and one with only comments
        Path empty = write("");
        Path comments = Files.writeString(dir.resolve("comments.yaml"), "# nothing set yet\n");

        // WHEN they are loaded
        // THEN both give exactly the defaults
        assertThat(HeraldConfig.load(empty, Map.of())).isEqualTo(HeraldConfig.defaults());
        assertThat(HeraldConfig.load(comments, Map.of())).isEqualTo(HeraldConfig.defaults());
    }

    @Test
    void aMissingFileThatWasNamedSaysWhichAndHowToFixIt() {
        // GIVEN HERALD_CONFIG naming a file that is not there
        Path missing = dir.resolve("nope.yaml");

        // WHEN the default config is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> HeraldConfig.loadDefault(Map.of("HERALD_CONFIG", missing.toString())));

        // THEN the one problem names the path and the ways out
        assertThat(e.problems()).containsExactly("config file " + missing.toAbsolutePath() + " does not exist; create it"
                + " (the repository's config/herald.yaml is a commented example) or set HERALD_CONFIG to the file you meant");
    }

    @Test
    void aYamlSyntaxErrorGivesLineAndColumnWithoutAStackTrace() throws IOException {
        // GIVEN a file whose third line is indented wrongly
        Path file = write("""
                detection:
                  poll-interval: 1m
                 confirm-after: 3
                """);

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeraldConfig.load(file, Map.of()));

        // THEN one line says where and what, in SnakeYAML's words but without its excerpt
        assertThat(e.problems()).containsExactly(file + ": YAML syntax error at line 3, column 2:"
                + " expected <block end>, but found '<block mapping start>' (while parsing a block mapping)");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotASilentOverride() throws IOException {
        // GIVEN the same key twice, as after a careless paste
        Path file = write("""
                detection:
                  poll-interval: 1m
                  poll-interval: 5m
                """);

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeraldConfig.load(file, Map.of()));

        // THEN the duplicate is named with its line
        assertThat(e.problems()).singleElement().asString()
                .startsWith(file + ": YAML syntax error at line 3")
                .contains("Duplicate field 'poll-interval'");
    }

    @Test
    void watchedTargetsAreParsedAndTheSameTargetTwiceCountsOnce() throws IOException {
        // GIVEN the same AS in three spellings and a prefix
        Path file = write("watch: [AS3333, as3333, 'AS 3333', 193.0.0.0/21]\n");

        // WHEN it is loaded
        List<Target> watch = HeraldConfig.load(file, Map.of()).watch();

        // THEN the AS is there once, in the order first written
        assertThat(watch).extracting(Target::key).containsExactly("AS3333", "193.0.0.0/21");
    }

    @Test
    void valuesAreNormalised() throws IOException {
        // GIVEN a URL with a trailing slash and levels in the wrong case
        Path file = write("""
                ripestat: {url: 'https://stat.example.net/'}
                logging: {format: JSON, level: debug}
                """);

        // WHEN it is loaded
        HeraldConfig config = HeraldConfig.load(file, Map.of());

        // THEN they come out in the one spelling the rest of the code expects
        assertThat(config.ripestat().url()).isEqualTo("https://stat.example.net");
        assertThat(config.logging()).isEqualTo(new LoggingConfig("json", "DEBUG"));
    }

    @Test
    void badChoicesSayWhatIsAllowed() throws IOException {
        // GIVEN an unknown log level and format, a database we do not support and a non-http URL
        Path file = write("""
                ripestat: {url: 'ftp://stat.ripe.net'}
                database: {url: 'jdbc:mysql://db/herald'}
                logging: {format: xml, level: verbose}
                """);

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeraldConfig.load(file, Map.of()));

        // THEN each problem lists the choices
        assertThat(e.problems()).containsExactly(
                "ripestat.url: 'ftp://stat.ripe.net' is not an http(s) URL; use e.g. https://stat.ripe.net",
                "database.url: 'jdbc:mysql://db/herald' is not a database we support;"
                        + " use jdbc:sqlite:path/to/file.db or jdbc:postgresql://host:5432/dbname",
                "logging.format: 'xml' is not a log format; use one of text, json",
                "logging.level: 'verbose' is not a log level; use one of TRACE, DEBUG, INFO, WARN, ERROR");
    }

    @Test
    void anEmptyDocumentBindsToTheDefaultsAndDescribesEveryKey() {
        // GIVEN nothing at all
        // WHEN the keys are described
        List<KeyDescription> keys = HeraldConfig.describeKeys();

        // THEN each section's keys are there with defaults as written in YAML, and env vars where they apply
        assertThat(keys).contains(
                new KeyDescription("watch", "[]", null),
                new KeyDescription("detection.poll-interval", "1m", null),
                new KeyDescription("detection.keep-prefixes-for", "7d", null),
                new KeyDescription("detection.dark-enter-fraction", "0.25", null),
                new KeyDescription("ripestat.url", "https://stat.ripe.net", "HERALD_RIPESTAT_URL"),
                new KeyDescription("database.password", "", "HERALD_DB_PASSWORD"),
                new KeyDescription("database.password-file", "", null),
                new KeyDescription("logging.format", "text", "HERALD_LOG_FORMAT"));
        assertThat(keys.stream().map(k -> k.path().split("\\.")[0]).distinct())
                .containsExactly("watch", "detection", "ripestat", "rislive", "ioda", "database", "logging", "notify", "telegram", "discord",
                        "http", "shutdown", "charts");
        assertThat(keys.stream().filter(k -> k.path().startsWith("detection."))).hasSize(19);
        assertThat(keys.stream().filter(k -> k.path().startsWith("charts."))).hasSize(3);
        assertThat(keys.stream().filter(k -> k.path().startsWith("ripestat."))).hasSize(15);
        assertThat(keys.stream().filter(k -> k.path().startsWith("ioda."))).hasSize(7);
        assertThat(Durations.parse(keys.get(1).defaultValue())).isEqualTo(Duration.ofMinutes(1));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("herald.yaml"), yaml);
    }
}
