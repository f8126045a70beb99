package net.outageherald.testing;

import java.util.List;
import java.util.Random;

/**
 * Random and hostile things people type into a chat, from a fixed seed so a failure can be replayed:
 * overlong text, controls and NUL, direction marks and zero-width joiners, HTML and Markdown injection,
 * huge numbers, IPv4 and IPv6 edge cases, emoji and surrogate halves, empty and blank text, and now and
 * then a target that parses, so the commands' happy paths are driven too.
 */
public final class HostileText {

    /** Targets the commands accept (some only after cleaning), so a share of the inputs reaches real work. */
    public static final List<String> VALID = List.of("KP", "kp", "North Korea", "AS64500", "as 64500", "AS-64501",
            "192.0.2.0/24", "2001:db8::/32", "ＡＳ６４５００", "K\u200BP", "\u202AAS64500\u202C", "AS4294967295");

    private static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r",
            "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0085", "\u009B", "\u2028", "\u2029");
    private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u200E", "\u200F",
            "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069",
            "\uFEFF", "\u00AD", "\u061C", "\uFFF9");
    private static final List<String> MARKUP = List.of("<b>", "</b>", "<i>", "</i>", "<a href=\"javascript:alert(1)\">",
            "</a>", "<script>alert(1)</script>", "<", ">", "&", "&amp;", "&lt;", "&#x3c;", "&#0;", "&nbsp",
            "<b><i></b></i>", "<tg-spoiler>", "<code>", "<pre>", "\"", "'", "*bold*", "_it_", "__u__", "`code`",
            "```", "||spoiler||", "~~x~~", "[x](https://evil.example)", "@everyone", "@here", "<@123456789012345678>",
            "<#123>", "<@&1>", "# heading", "> quote", "\\", "\\\\", "${jndi:ldap://x/a}", "%s%n%x", "'; DROP TABLE subscription; --");
    private static final List<String> NUMBERS = List.of("AS99999999999999999999", "AS4294967296", "AS0", "AS-1",
            "AS00000000001", "as  4294967295", "99999999999999999999", "-1", "1e309", "0x7fffffff", "NaN",
            "9223372036854775808", "AS" + "9".repeat(40), "AS1.5", "AS１２３", "AS٣٣٣٣");
    private static final List<String> PREFIXES = List.of("::/0", "::/128", "::1/128", "::ffff:1.2.3.4/96",
            "2001:db8::/129", "2001:db8:::/32", "2001:db8::/-1", "2001:0db8:0000:0000:0000:0000:0000:0000/32",
            "fe80::1%eth0/64", "[2001:db8::]/32", "2001:db8::/032", "1:2:3:4:5:6:7:8:9/64", "::/", "/64",
            "2001:db8::/99999999999999999999", "2001:db8::/+32", "2001:db8::/ 32", "::::::::/16", "1::2::3/48",
            "256.0.0.0/8", "1.2.3.4/33", "0.0.0.0/0", "010.0.0.0/8", "1.2.3/24", "1.2.3.4.5/24", "1.2.3.4//24",
            "1.2.3.4/24/24", "10.0.0.1", "2001:db8::1", "175.45.176.0/22", "175.45.176.0/0x16");
    private static final List<String> EMOJI = List.of("🇰🇵", "👨‍👩‍👧", "🏳️‍🌈", "👍🏽", "🔥", "💥", "😀", "🧑🏻‍💻", "♥️",
            "\uD83D", "\uDE00", "\uDE00\uD83D", "\uDBFF\uDFFF", "\uFFFF", "\uFFFD", "\uE000");
    private static final List<String> BLANKS = List.of("", " ", "   ", "\t", "\u00A0", "\u3000", "\u2003", "\u180E");
    private static final List<String> WORDS = List.of("Atlantis", "Северная Корея", "北朝鮮", "كوريا", "קוריאה",
            "Côte d'Ivoire", "korea (north)", "United States", "US", "RU", "XX", "EU", "A", "null", "undefined");
    private static final List<List<String>> KINDS = List.of(CONTROLS, INVISIBLE, MARKUP, NUMBERS, PREFIXES, EMOJI,
            BLANKS, WORDS, VALID);

    private final Random random;

    public HostileText(long seed) {
        this.random = new Random(seed);
    }

    /** A command argument (or a Discord option value): one to four pieces of any kind, now and then huge. */
    public String argument() {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return VALID.get(random.nextInt(VALID.size()));
        }
        if (roll < 12) {
            return overlong();
        }
        if (roll < 16) {
            return randomCodePoints(1 + random.nextInt(40));
        }
        StringBuilder b = new StringBuilder();
        int pieces = 1 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            b.append(pick(KINDS.get(random.nextInt(KINDS.size()))));
        }
        return b.toString();
    }

    /**
     * A whole chat message: mostly a command, with or without a bot name, with any separator and
     * argument; sometimes plain text with no command at all.
     */
    public String message(String botUsername) {
        if (random.nextInt(10) == 0) {
            return argument();
        }
        StringBuilder b = new StringBuilder("/").append(commandName());
        switch (random.nextInt(8)) {
            case 0 -> b.append('@').append(botUsername);
            case 1 -> b.append('@').append(botUsername.toLowerCase(java.util.Locale.ROOT));
            case 2 -> b.append("@OtherBot");
            case 3 -> b.append('@').append(pick(INVISIBLE)).append(botUsername);
            case 4 -> b.append('@');
            default -> { }
        }
        b.append(pick(List.of(" ", "  ", "\n", "\t", "\u00A0", "", "\u0000", " ")));
        return b.append(argument()).toString();
    }

    private String commandName() {
        List<String> ours = List.of("status", "subscribe", "unsubscribe", "subscriptions", "history", "help", "start");
        return switch (random.nextInt(6)) {
            case 0 -> "STATUS";
            case 1 -> pick(ours) + pick(INVISIBLE);
            case 2 -> pick(List.of("foo", "статус", "😀", "a".repeat(200), "status_not", "", "/", "<b>"));
            default -> pick(ours);
        };
    }

    private String overlong() {
        StringBuilder b = new StringBuilder();
        int length = 101 + random.nextInt(5000);
        while (b.length() < length) {
            b.append(pick(KINDS.get(random.nextInt(KINDS.size()))));
        }
        return b.toString();
    }

    /** Any code points at all, unassigned, private and surrogate halves included. */
    private String randomCodePoints(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(Character.MAX_CODE_POINT + 1);
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private String pick(List<String> items) {
        return items.get(random.nextInt(items.size()));
    }
}
