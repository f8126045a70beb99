package net.outageherald.chat.telegram;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.outageherald.command.CommandText;

/**
 * A command as typed in a chat: {@code /status KP}, {@code /status@HeraldBot KP}. {@code name} is
 * lower-case without the slash and cleaned like any input ({@link CommandText}), as replies echo it;
 * {@code argument} is the rest, stripped (empty when none), left for the commands to clean.
 *
 * @param addressed true when the command named a bot (ours: others are never parsed)
 */
record CommandLine(String name, String argument, boolean addressed) {

    /** Telegram's own bound for a command name; longer is no command of ours. */
    private static final int MAX_NAME = 32;
    private static final Pattern COMMAND = Pattern.compile("^/([^\\s@/]+)(?:@(\\S+))?(?:\\s+(.*))?$", Pattern.DOTALL);

    /**
     * The command in {@code text}, or empty when the text is no command, or one addressed to another bot.
     *
     * @param botUsername our bot's username (without {@code @}), compared case-insensitively
     */
    static Optional<CommandLine> parse(String text, String botUsername) {
        Matcher m = text == null ? null : COMMAND.matcher(text.strip());
        if (m == null || !m.matches() || forAnotherBot(m, botUsername)) {
            return Optional.empty();
        }
        String bot = m.group(2);
        String name = Shorten.clip(CommandText.clean(m.group(1)).toLowerCase(Locale.ROOT), MAX_NAME);
        String argument = m.group(3) == null ? "" : m.group(3).strip();
        return Optional.of(new CommandLine(name, argument, bot != null));
    }

    /** True for {@code /cmd@SomeOtherBot …}: not ours to answer, not even with an error. */
    static boolean forAnotherBot(String text, String botUsername) {
        Matcher m = text == null ? null : COMMAND.matcher(text.strip());
        return m != null && m.matches() && forAnotherBot(m, botUsername);
    }

    private static boolean forAnotherBot(Matcher command, String botUsername) {
        return command.group(2) != null && !command.group(2).equalsIgnoreCase(botUsername);
    }
}
