package net.outageherald.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.outageherald.command.ChatCommands;
import net.outageherald.command.Reply;
import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.TargetParser;
import net.outageherald.subscribe.Subscriptions;
import net.outageherald.testing.Harness;
import net.outageherald.testing.HostileText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand random and hostile target options, from the same seed as the Telegram fuzz, through what a
 * slash command goes through once Discord hands it over: {@link TargetOption}, the real command service on
 * a test database, and {@link DiscordRenderer}. Nothing may throw, every one gets an embed within Discord's
 * limits with its markdown and mentions escaped, and a refused command stores no subscription. (Discord
 * itself cuts options to 100 characters; longer ones are sent anyway, in case it ever does not.)
 */
class DiscordFuzzTest {

    private static final int TEXTS = 10_000;
    private static final long SEED = 20_141_222L;
    private static final List<String> COMMANDS = List.of(SlashCommands.STATUS, SlashCommands.HISTORY,
            SlashCommands.SUBSCRIBE, SlashCommands.UNSUBSCRIBE, SlashCommands.STATUS, SlashCommands.SUBSCRIBE,
            SlashCommands.HISTORY, SlashCommands.UNSUBSCRIBE, SlashCommands.HELP, SlashCommands.SUBSCRIPTIONS);
    /** A mention or a masked link Discord would act on: the markup character without our backslash. */
    private static final Pattern LIVE_MARKUP = Pattern.compile("(?<!\\\\)(@everyone|@here|<@|\\]\\()");

    private static final String HOLDER = "EXAMPLE <b>&amp; <@&1> @everyone [x](https://evil.example) *Friends* \u202E🇰🇵 "
            .repeat(60);

    @TempDir
    Path dir;

    @Test
    void hostileOptionsAreAlwaysAnsweredWithinDiscordsLimitsAndRefusalsStoreNothing() throws Exception {
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
            ChatCommands commands = h.app().commands();
            Subscriptions subscriptions = h.app().subscriptions();
            DiscordRenderer renderer = new DiscordRenderer();
            TargetParser parser = new TargetParser();
            HostileText hostile = new HostileText(SEED);
            List<String> failures = new ArrayList<>();
            int refused = 0;
            int longest = 0;
            long started = System.nanoTime();

            for (int i = 0; i < TEXTS; i++) {
                String command = COMMANDS.get(i % COMMANDS.size());
                String option = hostile.argument();
                Destination channel = new Destination(Platform.DISCORD, Long.toString(1_300_000_000_000_000_000L + i % 61));
                // only these two touch subscriptions; counting for every command would double the run time
                boolean changes = command.equals(SlashCommands.SUBSCRIBE) || command.equals(SlashCommands.UNSUBSCRIBE);
                int before = changes ? subscriptions.of(channel).size() : 0;
                try {
                    Reply reply = run(commands, parser, command, option, channel);
                    MessageEmbed embed = renderer.render(reply.message());
                    longest = Math.max(longest, embed.getLength());
                    problems(embed).forEach(p -> failures.add(p + " in the reply to /" + command + " " + quoted(option)));
                    if (!reply.ok()) {
                        refused++;
                        if (changes && subscriptions.of(channel).size() != before) {
                            failures.add("a refused command changed the subscriptions: /" + command + " " + quoted(option));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e + " escaped for /" + command + " " + quoted(option));
                }
            }

            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Discord fuzz: %d options (seed %d), %d refused, largest embed %d characters, %d ms%n",
                    TEXTS, SEED, refused, longest, millis);
            assertThat(failures).as("failures").isEmpty();
            assertThat(refused).as("most hostile options are refused").isGreaterThan(TEXTS / 2);
        }
    }

    /** What {@link CommandListener} does for a member with Manage Server in a channel the bot can post in. */
    private static Reply run(ChatCommands commands, TargetParser parser, String command, String option,
                             Destination channel) {
        if (command.equals(SlashCommands.HELP)) {
            return commands.help();
        }
        if (command.equals(SlashCommands.SUBSCRIPTIONS)) {
            return commands.subscriptions(channel);
        }
        TargetOption target = TargetOption.read(parser, option);
        if (!target.readable()) {
            return target.refusal();
        }
        return switch (command) {
            case SlashCommands.STATUS -> commands.status(target.target());
            case SlashCommands.HISTORY -> commands.history(target.target());
            case SlashCommands.SUBSCRIBE -> commands.subscribe(channel, target.target());
            default -> commands.unsubscribe(channel, target.target());
        };
    }

    private static List<String> problems(MessageEmbed embed) {
        List<String> problems = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        check(problems, texts, "title", embed.getTitle(), MessageEmbed.TITLE_MAX_LENGTH);
        check(problems, texts, "description", embed.getDescription(), MessageEmbed.DESCRIPTION_MAX_LENGTH);
        check(problems, texts, "footer", embed.getFooter() == null ? null : embed.getFooter().getText(),
                MessageEmbed.TEXT_MAX_LENGTH);
        if (embed.getFields().size() > MessageEmbed.MAX_FIELD_AMOUNT) {
            problems.add(embed.getFields().size() + " fields");
        }
        for (MessageEmbed.Field f : embed.getFields()) {
            check(problems, texts, "field name", f.getName(), MessageEmbed.TITLE_MAX_LENGTH);
            check(problems, texts, "field value", f.getValue(), MessageEmbed.VALUE_MAX_LENGTH);
        }
        if (embed.getLength() > MessageEmbed.EMBED_MAX_LENGTH_BOT) {
            problems.add("embed of " + embed.getLength() + " characters");
        }
        for (String t : texts) {
            if (LIVE_MARKUP.matcher(t).find()) {
                problems.add("unescaped mention or link: " + quoted(t));
            }
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    problems.add("an unpaired surrogate");
                } else if (Character.isISOControl(c) && c != '\n') {
                    problems.add("control character U+" + Integer.toHexString(c));
                }
            }
        }
        return problems;
    }

    private static void check(List<String> problems, List<String> texts, String part, String text, int max) {
        if (text == null) {
            return;
        }
        texts.add(text);
        if (text.length() > max) {
            problems.add(part + " of " + text.length() + " characters (at most " + max + ")");
        }
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
