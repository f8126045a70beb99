package net.outageherald.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.outageherald.command.CommandRateLimit;
import net.outageherald.command.Reply;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.subscribe.Subscriptions;
import net.outageherald.testing.Harness;
import net.outageherald.testing.HostileText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Ten thousand random and hostile messages, from a fixed seed, through what a Telegram message goes
 * through: the update as JSON, {@link CommandLine}, {@link CommandHandler} with the real command service
 * on a test database, and {@link TelegramRenderer}. Nothing may throw, every message that asks us gets a
 * reply Telegram accepts (our tags only, balanced, 4,096 characters at most after entities), and a
 * refused command stores no subscription.
 */
class TelegramFuzzTest {

    private static final int TEXTS = 10_000;
    private static final long SEED = 20_141_222L;
    private static final String BOT = FakeBotApi.BOT_USERNAME;

    private static final String HOLDER = "EXAMPLE <b>&amp; <@&1> @everyone [x](https://evil.example) *Friends* \u202E🇰🇵 "
            .repeat(60);

    @TempDir
    Path dir;

    @Test
    void hostileTextIsAlwaysAnsweredWithinTelegramsRulesAndRefusalsStoreNothing() throws Exception {
        // the valid targets that have prefixes are watched and polled, so their /status reuses the poll as in
        // production; the others are checked live every time
        try (Harness h = new Harness(dir, "AS64500, 192.0.2.0/24, 2001:db8::/32", """
                detection:
                  spread-polls: false
                notify:
                  console: false
                ripestat:
                  max-attempts: 1
                  requests-per-minute: 6000
                """)) {
            // a holder name as hostile as the input, and long enough that the replies naming it must be shortened
            h.ripestat.as(64500, HOLDER, 12, "192.0.2.0/24", "198.51.100.0/24");
            h.ripestat.seenBy("2001:db8::/32", 12);
            h.poll(3);
            Subscriptions subscriptions = h.app().subscriptions();
            TelegramRenderer renderer = new TelegramRenderer();
            TelegramClient client = silentClient();
            TelegramBotToken token = new TelegramBotToken(FakeBotApi.TOKEN);
            CommandHandler handler = new CommandHandler(client, h.app().commands(),
                    new ChatAdmins(client, h.clock, Duration.ofMinutes(1), token), renderer, BOT, token, Map.of(),
                    new CommandRateLimit(h.clock));
            HostileText hostile = new HostileText(SEED);
            List<String> failures = new ArrayList<>();
            int answered = 0;
            int refused = 0;
            int silent = 0;
            int longest = 0;
            int longestHtml = 0;
            long started = System.nanoTime();

            for (int i = 0; i < TEXTS; i++) {
                String text = hostile.message(BOT);
                Message message = message(i, text);
                Destination here = new Destination(Platform.TELEGRAM, Long.toString(message.getChatId()));
                // only these two touch subscriptions; counting for every message would double the run time
                boolean changes = CommandLine.parse(text, BOT).map(CommandLine::name)
                        .filter(n -> n.equals("subscribe") || n.equals("unsubscribe")).isPresent();
                int before = changes ? subscriptions.of(here).size() : 0;
                try {
                    Optional<Reply> reply = handler.answer(message);
                    if (reply.isPresent() == silentByDesign(message, text)) {
                        failures.add((reply.isPresent() ? "a reply to chatter " : "no reply to ") + quoted(text));
                    }
                    if (reply.isEmpty()) {
                        silent++;
                        continue;
                    }
                    answered++;
                    String html = renderer.render(reply.get());
                    longest = Math.max(longest, TelegramHtml.visible(html).length());
                    longestHtml = Math.max(longestHtml, html.length());
                    TelegramHtml.problems(html).forEach(p -> failures.add(p + " in the reply to " + quoted(text)));
                    if (!reply.get().ok()) {
                        refused++;
                        if (changes && subscriptions.of(here).size() != before) {
                            failures.add("a refused command changed the subscriptions: " + quoted(text));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e + " escaped for " + quoted(text));
                }
            }

            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Telegram fuzz: %d texts (seed %d), %d answered, %d refused, %d unanswered by design,"
                    + " longest reply %d characters after entities (%d as HTML), %d ms%n", TEXTS, SEED, answered,
                    refused, silent, longest, longestHtml, millis);
            assertThat(failures).as("failures").isEmpty();
            assertThat(refused).as("most hostile texts are refused").isGreaterThan(TEXTS / 3);
        }
    }

    /**
     * Messages that get no reply at all: commands for other bots; in groups and channels, text that is no
     * command; in channels, unknown commands that do not name us.
     */
    private static boolean silentByDesign(Message message, String text) {
        Optional<CommandLine> line = CommandLine.parse(text, BOT);
        if (line.isEmpty()) {
            return !message.getChat().isUserChat() || CommandLine.forAnotherBot(text, BOT);
        }
        return message.getChat().isChannelChat() && BotCommandSpec.byName(line.get().name()).isEmpty()
                && !line.get().addressed();
    }

    /** A private chat (seven in ten), a group or a channel post, as telegrambots reads it from JSON. */
    private static Message message(int i, String text) throws Exception {
        long user = 1_000 + i % 97;
        ObjectNode json = switch (i % 10) {
            case 7, 8 -> TelegramJson.groupMessage(i, -1_001_000_000_000L - i % 5, user, text);
            case 9 -> TelegramJson.channelPost(i, -1_002_000_000_000L - i % 5, text);
            default -> TelegramJson.privateMessage(i, user, text);
        };
        json.put("update_id", i);
        Update update = TelegramJson.JSON.treeToValue(json, Update.class);
        return update.hasMessage() ? update.getMessage() : update.getChannelPost();
    }

    /** A Bot API that answers nothing: group admin lists come back empty, so group admins are refused. */
    private static TelegramClient silentClient() {
        return (TelegramClient) Proxy.newProxyInstance(TelegramClient.class.getClassLoader(),
                new Class<?>[] {TelegramClient.class}, (proxy, method, args) -> null);
    }

    private static String quoted(String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        StringBuilder b = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || Character.getType(cp) == Character.FORMAT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('"').toString();
    }
}
