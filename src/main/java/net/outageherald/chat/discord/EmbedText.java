package net.outageherald.chat.discord;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for embeds: escapes Discord markdown and shortens to a limit, saying how much was left out
 * ("… and 12 more" for lists, "… (340 more characters)" for prose).
 */
final class EmbedText {

    /** Characters Discord markdown gives a meaning to; a backslash before any of them shows it as typed. */
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|<>\\[\\]#@])");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>]+");
    private static final List<String> SEPARATORS = List.of("\n", ", ");

    private EmbedText() {
    }

    /**
     * Escapes markdown, masked links, mentions and headings, so names like {@code A_B*C} show as written.
     * Web links are left as they are: a backslash inside one would break the link.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher url = URL.matcher(text);
        int from = 0;
        while (url.find()) {
            out.append(MARKDOWN.matcher(text.substring(from, url.start())).replaceAll("\\\\$1")).append(url.group());
            from = url.end();
        }
        return out.append(MARKDOWN.matcher(text.substring(from)).replaceAll("\\\\$1")).toString();
    }

    /** The text if it fits, else as much as fits followed by a count of what was cut. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        for (String separator : SEPARATORS) {
            String items = shortenList(text, separator, max);
            if (items != null) {
                return items;
            }
        }
        return shortenProse(text, max);
    }

    private static String shortenList(String text, String separator, int max) {
        String[] items = text.split(Pattern.quote(separator), -1);
        if (items.length < 3) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        int count = 0;
        for (String item : items) {
            String suffix = separator + "… and " + (items.length - count - 1) + " more";
            String candidate = count == 0 ? item : separator + item;
            if (kept.length() + candidate.length() + suffix.length() > max) {
                break;
            }
            kept.append(candidate);
            count++;
        }
        if (count == 0) {
            return null;
        }
        return kept + separator + "… and " + (items.length - count) + " more";
    }

    private static String shortenProse(String text, int max) {
        int cut = max;
        while (cut > 0) {
            // never split a surrogate pair or leave an escaping backslash that would swallow the ellipsis
            while (cut > 0 && (Character.isHighSurrogate(text.charAt(cut - 1)) || text.charAt(cut - 1) == '\\')) {
                cut--;
            }
            String shortened = text.substring(0, cut) + "… (" + (text.length() - cut) + " more characters)";
            if (shortened.length() <= max) {
                return shortened;
            }
            cut -= shortened.length() - max;
        }
        return text.substring(0, max);
    }
}
