package net.outageherald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The binding framework on its own, with a section shaped like the chat sections others will add. */
class ConfigNodeTest {

    record Subscription(String chat, List<String> targets, boolean restorations) {
        static Subscription from(ConfigNode n) {
            return new Subscription(n.requiredString("chat"), n.stringList("targets"), n.bool("restorations", true));
        }
    }

    record Telegram(Optional<Secret> token, Duration timeout, List<Subscription> subscriptions) {
        static Telegram from(ConfigNode n) {
            return new Telegram(n.secret("token", "TOKEN"), n.duration("timeout", Duration.ofSeconds(10)),
                    n.list("subscriptions", Subscription::from));
        }
    }

    @Test
    void wrongTypesAreProblemsWithTheirPathNeverExceptions() {
        // GIVEN a value of the wrong type under every kind of getter
        String yaml = """
                s:
                  text: [a, b]
                  count: many
                  ratio: {a: 1}
                  flag: maybe
                  wait: 30
                  names: just-one
                  sub: 5
                  whole: 2.5
                """;

        // WHEN it is bound
        List<String> problems = problems(yaml, root -> {
            ConfigNode s = root.section("s");
            s.string("text", "x");
            s.integer("count", 1, 0, 10);
            s.decimal("ratio", 0.5, 0, 1);
            s.bool("flag", false);
            s.duration("wait", Duration.ZERO);
            s.stringList("names");
            s.section("sub");
            s.integer("whole", 1, 0, 10);
            return s;
        });

        // THEN each one is reported at its own path, and binding went on past each of them
        assertThat(problems).containsExactly(
                "s.text: expected text, got a list",
                "s.count: expected a whole number, got 'many'",
                "s.ratio: expected a number, got a section of key: value pairs",
                "s.flag: expected true or false, got 'maybe'",
                "s.wait: 30 has no unit; write e.g. 30s, 30m or 30h",
                "s.names: expected a list, got text; write [just-one]",
                "s.sub: expected a section of key: value pairs, got a number",
                "s.whole: 2.5 is not a whole number");
    }

    @Test
    void gettersGiveDefaultsForAbsentOrEmptyValuesAndAcceptQuotedScalars() {
        // GIVEN a section with one key left empty and quoted numbers and booleans
        String yaml = """
                s:
                  empty:
                  count: "7"
                  flag: "false"
                  ratio: "0.5"
                """;

        // WHEN it is bound
        List<Object> values = bind(yaml, root -> {
            ConfigNode s = root.section("s");
            return List.of(s.string("empty", "fallback"), s.integer("count", 1, 0, 10), s.bool("flag", true),
                    s.decimal("ratio", 0.1, 0, 1), s.duration("absent", Duration.ofMinutes(5)),
                    root.section("missing").integer("n", 3, 0, 5));
        });

        // THEN empty and absent keys keep their defaults, and quoted values count as what they say
        assertThat(values).containsExactly("fallback", 7, false, 0.5, Duration.ofMinutes(5), 3);
    }

    @Test
    void outOfRangeValuesSayTheRange() {
        // GIVEN numbers and durations outside their bounds
        String yaml = "s: {n: 20, r: 1.5, d: 5s, big: 99999999999}";

        // WHEN bound with bounds
        List<String> problems = problems(yaml, root -> {
            ConfigNode s = root.section("s");
            s.integer("n", 4, 1, 8);
            s.decimal("r", 0.5, 0, 1);
            s.duration("d", Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofDays(1));
            s.integer("big", 1, 1, Integer.MAX_VALUE);
            return s;
        });

        // THEN each message says what is allowed
        assertThat(problems).containsExactly(
                "s.n: 20 is out of range; use 1 to 8",
                "s.r: 1.5 is out of range; use 0 to 1",
                "s.d: '5s' is out of range; use 10s to 1d",
                "s.big: 99999999999 is out of range; use 1 or more");
    }

    @Test
    void problemsInListElementsCarryTheElementIndex() {
        // GIVEN subscriptions where the second is not a section and the third lacks its chat
        String yaml = """
                telegram:
                  subscriptions:
                    - chat: "-100123"
                    - just text
                    - targets: [AS3333]
                      restorashuns: false
                """;

        // WHEN it is bound
        List<String> problems = problems(yaml, root -> Telegram.from(root.section("telegram")));

        // THEN the paths point at the element and key, as the operator would count them from 0
        assertThat(problems).containsExactly(
                "telegram.subscriptions[1]: expected a section of key: value pairs, got text",
                "telegram.subscriptions[2].chat: missing",
                "telegram.subscriptions[2].restorashuns: unknown key (did you mean 'restorations'?)");
    }

    @Test
    void unknownKeysAreReportedEverywhereWithSuggestionsWhenClose() {
        // GIVEN misspelt keys at the top, in a section, and one that resembles nothing
        String yaml = """
                telegran: {}
                telegram:
                  timeOut: 5s
                  colour: blue
                """;

        // WHEN it is bound
        List<String> problems = problems(yaml, root -> Telegram.from(root.section("telegram")));

        // THEN all three are unknown; the close ones get a suggestion, camelCase included
        assertThat(problems).containsExactlyInAnyOrder(
                "telegran: unknown key (did you mean 'telegram'?)",
                "telegram.timeOut: unknown key (did you mean 'timeout'?)",
                "telegram.colour: unknown key");
    }

    @Test
    void aValueFromTheEnvironmentWinsAndProblemsNameTheVariable() {
        // GIVEN a file value and an environment value for the same key, the latter bad
        String yaml = "s: {url: from-file, mode: x}";
        Map<String, String> env = Map.of("URL", "from-env", "MODE", "wrong");

        // WHEN bound, and the mode is then checked
        List<Object> seen = new ArrayList<>();
        List<String> problems = problems(yaml, env, root -> {
            ConfigNode s = root.section("s");
            seen.add(s.env("url", "URL", "default"));
            seen.add(s.validate("mode", s.env("mode", "MODE", "x"), m -> {
                throw new IllegalArgumentException("'" + m + "' is not a mode");
            }, "x"));
            return s;
        });

        // THEN the environment wins, and the problem says where the bad value came from
        assertThat(seen).containsExactly("from-env", "x");
        assertThat(problems).containsExactly("s.mode (from MODE): 'wrong' is not a mode");
    }

    @Test
    void aSecretGivenBothInlineAndAsAFileIsAProblem() {
        // GIVEN a token in the file and a token file
        String yaml = "telegram: {token: abc, token-file: /run/secrets/token}";

        // WHEN it is bound
        List<String> problems = problems(yaml, root -> Telegram.from(root.section("telegram")));

        // THEN the operator is asked to choose, and the value is not echoed
        assertThat(problems).containsExactly("telegram.token: give either token or token-file, not both");
    }

    @Test
    void aConstructorsRefusalBecomesAProblemAtTheSection() {
        // GIVEN a binder whose record refuses a combination the binder did not check
        String yaml = "s: {low: 5, high: 1}";

        // WHEN it is bound
        List<String> problems = problems(yaml, root -> {
            ConfigNode s = root.section("s");
            int low = s.integer("low", 0, 0, 10);
            int high = s.integer("high", 10, 0, 10);
            return s.build(() -> {
                Checks.that(low <= high, "low must not be above high");
                return s;
            });
        });

        // THEN it is reported at the section, not thrown
        assertThat(problems).containsExactly("s: low must not be above high");
    }

    @Test
    void describingListsEveryKeyWithDefaultsIncludingThoseOfListElements() {
        // GIVEN the telegram-like binder
        // WHEN its keys are described
        List<KeyDescription> keys = ConfigLoader.describeKeys(root -> Telegram.from(root.section("telegram")));

        // THEN list elements show as [] and required keys say so
        assertThat(keys).containsExactly(
                new KeyDescription("telegram.token", "", "TOKEN"),
                new KeyDescription("telegram.token-file", "", null),
                new KeyDescription("telegram.timeout", "10s", null),
                new KeyDescription("telegram.subscriptions", "[]", null),
                new KeyDescription("telegram.subscriptions[].chat", "(required)", null),
                new KeyDescription("telegram.subscriptions[].targets", "[]", null),
                new KeyDescription("telegram.subscriptions[].restorations", "true", null));
    }

    @Test
    void aDocumentThatIsNotAMappingIsOneProblem() {
        // GIVEN a document that is a list at the top
        // WHEN it is bound
        List<String> problems = problems("- a\n- b\n", root -> root);

        // THEN that is said plainly
        assertThat(problems).containsExactly("the config must be a set of key: value pairs at the top level, not a list");
    }

    static <T> T bind(String yaml, Function<ConfigNode, T> binder) {
        return ConfigLoader.bind(parse(yaml), Map.of(), Path.of(""), binder);
    }

    static List<String> problems(String yaml, Function<ConfigNode, ?> binder) {
        return problems(yaml, Map.of(), binder);
    }

    static List<String> problems(String yaml, Map<String, String> env, Function<ConfigNode, ?> binder) {
        JsonNode doc = parse(yaml);
        ConfigException e = (ConfigException) catchThrowable(
                () -> ConfigLoader.bind(doc, env, Path.of(""), binder));
        assertThat(e).as("binding should have failed").isNotNull();
        return e.problems();
    }

    private static JsonNode parse(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
