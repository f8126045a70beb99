package net.outageherald.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Status;
import net.outageherald.testing.FakeRipeStat;
import net.outageherald.testing.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command logic both chat platforms share, on the real app against a fake RIPEstat. */
class CommandServiceTest {

    private static final String[] PREFIXES = {"192.0.2.0/24", "198.51.100.0/24"};
    private static final Destination CHAT = new Destination(Platform.TELEGRAM, "111");

    private Harness h;
    private ChatCommands commands;

    @BeforeEach
    void setUp(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        h = new Harness(dir, "", """
                detection:
                  spread-polls: false
                  partial-min-prefixes: 1
                notify:
                  max-subscriptions-per-destination: 2
                  console: false
                ripestat:
                  max-attempts: 1
                """);
        h.ripestat.as(64500, "EXAMPLE-AS Example & <Friends>", 12, PREFIXES);
        commands = h.app().commands();
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void statusChecksLiveAndExplainsTheFacts() {
        Reply r = commands.status("as64500");
        assertThat(r.ok()).isTrue();
        assertThat(r.message().status()).isEqualTo(Status.UP);
        assertThat(r.message().headline()).isEqualTo("AS64500 EXAMPLE-AS Example & <Friends> is online");
        assertThat(r.message().summary()).contains("2 of 2 prefixes visible", "12 RIS peers");
    }

    @Test
    void statusOfADarkPrefixSaysWhichAndOfAFailingSourceSaysUnknownNotDown() {
        h.ripestat.seenBy(PREFIXES[1], 0);
        Reply partial = commands.status("AS64500");
        assertThat(partial.message().status()).isEqualTo(Status.PARTIAL);
        assertThat(partial.message().fields()).anySatisfy(f -> assertThat(f.value()).contains("198.51.100.0/24"));
        h.ripestat.fail(FakeRipeStat.Failure.HTTP_500);
        Reply unknown = commands.status("AS64501");
        assertThat(unknown.message().status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.message().summary()).contains("Unknown is not down");
    }

    @Test
    void subscribeListUnsubscribeAndTheLimit() {
        assertThat(commands.subscribe(CHAT, "AS64500").message().headline()).startsWith("Subscribed to AS64500");
        assertThat(commands.subscribe(CHAT, "as 64500").message().headline()).startsWith("Already subscribed");
        assertThat(commands.subscribe(CHAT, "KP").ok()).isTrue();
        Reply over = commands.subscribe(CHAT, "North Korea");
        assertThat(over.message().headline()).startsWith("Already");
        Reply limit = commands.subscribe(CHAT, "AT");
        assertThat(limit.ok()).isFalse();
        assertThat(limit.message().summary()).contains("limit is 2", "/subscriptions");
        assertThat(commands.subscriptions(CHAT).message().summary()).contains("AS64500", "KP");
        assertThat(commands.unsubscribe(CHAT, "AS64500").ok()).isTrue();
        Reply again = commands.unsubscribe(CHAT, "AS64500");
        assertThat(again.ok()).isFalse();
        assertThat(again.message().summary()).contains("does not follow AS64500");
        // and the poller now watches what chats follow
        assertThat(h.app().watchList().targets()).extracting(t -> t.key()).containsExactly("KP");
    }

    @Test
    void subscribingDuringAnOutageSaysSoAndHistoryListsIt() throws Exception {
        commands.subscribe(new Destination(Platform.TELEGRAM, "222"), "AS64500");
        h.poll(3);
        h.ripestat.seenBy(PREFIXES[0], 0);
        h.ripestat.seenBy(PREFIXES[1], 0);
        h.poll(4);
        Reply late = commands.subscribe(CHAT, "AS64500");
        assertThat(late.message().summary()).contains("Right now it is offline", "you will be told when it is back");
        Reply history = commands.history("AS64500");
        assertThat(history.message().summary()).contains("→ ongoing", "offline");
        h.ripestat.seenBy(PREFIXES[0], 12);
        h.ripestat.seenBy(PREFIXES[1], 12);
        h.poll(3);
        assertThat(commands.history("AS64500").message().summary()).contains("(4 min), offline");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "Atlantis", "<b>x</b>", "'; DROP TABLE subscription; --", "🔥🔥",
            "AS99999999999"})
    void badTargetsGetAHelpfulRefusalEverywhere(String input) {
        for (Reply r : new Reply[] {commands.status(input), commands.subscribe(CHAT, input),
                commands.unsubscribe(CHAT, input), commands.history(input)}) {
            assertThat(r.ok()).isFalse();
            assertThat(r.message().summary()).contains("AS131279", "North Korea");
        }
    }

    @Test
    void helpAndAutocomplete() {
        assertThat(commands.help().message().fields()).extracting(f -> f.name()).contains("Commands", "Targets", "Data");
        assertThat(commands.suggest(CHAT, "nor", 25)).contains(new Suggestion("North Korea (KP)", "KP"),
                new Suggestion("Norway (NO)", "NO"));
        assertThat(commands.suggest(CHAT, "K", 5)).hasSize(5);
    }

    @Test
    void autocompleteOffersTheChatsOwnSubscriptionsFirstAndNeverAnotherChats() {
        Destination other = new Destination(Platform.DISCORD, "222");
        commands.subscribe(other, "AS64500");
        commands.subscribe(CHAT, "KP");

        // the other chat's AS64500 is not offered here; this chat's KP comes first, then the countries
        assertThat(commands.suggest(CHAT, "as", 25)).extracting(Suggestion::value).doesNotContain("AS64500");
        assertThat(commands.suggest(other, "as", 25)).first()
                .isEqualTo(new Suggestion("AS64500 EXAMPLE-AS Example & <Friends>", "AS64500"));
        assertThat(commands.suggest(other, "example", 25)).extracting(Suggestion::value).first().isEqualTo("AS64500");
        assertThat(commands.suggest(CHAT, "k", 25)).extracting(Suggestion::value).first().isEqualTo("KP");
        // /unsubscribe offers only what the chat follows
        assertThat(commands.suggestFollowed(CHAT, "", 25)).extracting(Suggestion::value).containsExactly("KP");
        assertThat(commands.suggestFollowed(CHAT, "dprk", 25)).extracting(Suggestion::value).containsExactly("KP");
        assertThat(commands.suggestFollowed(other, "as 645", 25)).extracting(Suggestion::value)
                .containsExactly("AS64500");
        assertThat(commands.suggestFollowed(other, "kp", 25)).isEmpty();
    }

    @Test
    void hostileTextBeingTypedGetsAtMost25SuggestionsThatAllParse() {
        commands.subscribe(CHAT, "AS64500");
        net.outageherald.testing.HostileText hostile = new net.outageherald.testing.HostileText(12);
        net.outageherald.model.TargetParser parser = new net.outageherald.model.TargetParser();
        for (int i = 0; i < 1_000; i++) {
            String typed = hostile.argument();
            for (List<Suggestion> found : List.of(commands.suggest(CHAT, typed, 25),
                    commands.suggestFollowed(CHAT, typed, 25))) {
                assertThat(found).as(typed).hasSizeLessThanOrEqualTo(25)
                        .allSatisfy(s -> assertThat(parser.parse(s.value()).key()).isEqualTo(s.value()));
            }
        }
    }

    @Test
    void theSameCountryNamesAreAcceptedByEveryCommandOnEveryPlatform() {
        for (Destination d : List.of(new Destination(Platform.TELEGRAM, "333"),
                new Destination(Platform.DISCORD, "444"))) {
            assertThat(commands.subscribe(d, "North Korea").message().headline()).startsWith("Subscribed to North Korea");
            assertThat(commands.subscribe(d, "kp").message().headline()).startsWith("Already subscribed");
            assertThat(commands.subscribe(d, "North Korea (KP)").message().headline()).startsWith("Already subscribed");
            assertThat(commands.unsubscribe(d, "KP").message().headline()).startsWith("Unsubscribed from North Korea");
        }
        assertThat(commands.history("dprk").message().headline()).contains("North Korea");
        assertThat(commands.status("South Korea").message().summary()).contains("South Korea (KR)");
    }
}
