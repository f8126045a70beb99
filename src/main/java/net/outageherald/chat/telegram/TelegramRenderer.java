package net.outageherald.chat.telegram;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.outageherald.command.Reply;
import net.outageherald.model.Message;

/**
 * Turns a platform-neutral {@link Message} into Telegram HTML (parse mode {@code HTML}): every value
 * escaped, and the whole text kept under Telegram's 4,096-character limit by shortening the longest
 * lists ("… and 37 more") rather than cutting markup in half.
 */
public final class TelegramRenderer {

    /** The parse mode as the Bot API documents it (telegrambots' own constant is lower-case "html"). */
    public static final String PARSE_MODE = "HTML";
    /** Telegram's limit for a message text. */
    public static final int MAX_LENGTH = 4096;
    /** What we aim for: the HTML length bounds the parsed length, and a margin costs nothing. */
    static final int BUDGET = 4000;

    private static final int MAX_HEADLINE = 200;
    private static final int MAX_FIELD_NAME = 128;
    private static final int MAX_LINK_HTML = 1000;
    private static final String ERROR_EMOJI = "⚠️";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** HTML for an event message or a successful command reply. */
    public String render(Message message) {
        return render(message, message.status().emoji());
    }

    /** HTML for a command reply; a refusal or bad input gets a warning sign instead of the status colour. */
    public String render(Reply reply) {
        return render(reply.message(), reply.ok() ? reply.message().status().emoji() : ERROR_EMOJI);
    }

    /** Escapes the three characters Telegram's HTML parse mode reserves. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private String render(Message m, String emoji) {
        Layout layout = new Layout(emoji, Shorten.clip(m.headline(), MAX_HEADLINE), m.summary(), fieldsOf(m), link(m.link()),
                footer(m));
        String html = layout.html();
        while (html.length() > BUDGET) {
            layout.shrinkLongest(BUDGET);
            html = layout.html();
        }
        return html;
    }

    /** Each field as {name, value as shown, value as given}. */
    private static List<String[]> fieldsOf(Message m) {
        List<String[]> fields = new ArrayList<>();
        for (Message.Field f : m.fields()) {
            fields.add(new String[] {Shorten.clip(f.name(), MAX_FIELD_NAME), f.value(), f.value()});
        }
        return fields;
    }

    private static String link(String link) {
        // a link too long to show is left out rather than cut into a wrong one
        if (link == null || escape(link.strip()).length() > MAX_LINK_HTML) {
            return null;
        }
        String l = link.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("https://") || l.startsWith("http://") ? link.strip() : null;
    }

    private static String footer(Message m) {
        String time = m.timestamp() == null ? null : TIME.format(m.timestamp());
        String footer = m.footer() == null || m.footer().isBlank() ? null : Shorten.clip(m.footer(), MAX_HEADLINE);
        if (footer == null) {
            return time;
        }
        return time == null ? footer : footer + " · " + time;
    }

    /**
     * The message's parts, with the shrinkable ones (summary, field values) open to shortening. Headline, footer
     * and link are clipped up front so that, escaped, they fit together in the budget whatever they hold.
     */
    private static final class Layout {
        private final String emoji;
        private final String headline;
        private final String fullSummary;
        private String summary;
        private final List<String[]> fields;
        private final String link;
        private final String footer;
        private int droppedFields;

        Layout(String emoji, String headline, String summary, List<String[]> fields, String link, String footer) {
            this.emoji = emoji;
            this.headline = headline;
            this.fullSummary = summary;
            this.summary = summary;
            this.fields = fields;
            this.link = link;
            this.footer = footer;
        }

        String html() {
            StringBuilder b = new StringBuilder();
            b.append(emoji).append(" <b>").append(escape(headline)).append("</b>");
            if (!summary.isBlank()) {
                b.append('\n').append(escape(summary.strip()));
            }
            if (!fields.isEmpty() || droppedFields > 0) {
                b.append('\n');
            }
            for (String[] f : fields) {
                b.append("\n<b>").append(escape(f[0])).append(":</b> ").append(escape(f[1]));
            }
            if (droppedFields > 0) {
                b.append("\n… and ").append(droppedFields).append(" more");
            }
            if (link != null) {
                b.append("\n\n<a href=\"").append(escape(link)).append("\">Evidence</a>");
            }
            if (footer != null) {
                b.append(link == null ? "\n\n" : "\n").append("<i>").append(escape(footer)).append("</i>");
            }
            return b.toString();
        }

        /**
         * Shortens the longest summary or field value (as escaped) until the message fits or it is no longer
         * than the next longest, so several long lists share the space; when nothing is worth shortening,
         * drops the last field.
         */
        void shrinkLongest(int budget) {
            int longest = -1; // -1: summary, else a field index
            int longestLength = escape(summary).length();
            int second = 0;
            for (int i = 0; i < fields.size(); i++) {
                int length = escape(fields.get(i)[1]).length();
                if (length > longestLength) {
                    second = longestLength;
                    longest = i;
                    longestLength = length;
                } else {
                    second = Math.max(second, length);
                }
            }
            if (longestLength <= Shorten.MIN_WORTH) {
                fields.remove(fields.size() - 1);
                droppedFields++;
                return;
            }
            int index = longest;
            // shrink by a fifth at least, so many long parts of equal length still converge quickly
            int target = Math.min(second, longestLength * 4 / 5);
            // always shorten the original, so "… and N more" counts from the full list
            String shorter = Shorten.by(index < 0 ? fullSummary : fields.get(index)[2], text -> {
                String before = set(index, text);
                boolean enough = escape(text).length() <= target || html().length() <= budget;
                set(index, before);
                return enough;
            });
            set(index, shorter);
        }

        private String set(int index, String text) {
            String before;
            if (index < 0) {
                before = summary;
                summary = text;
            } else {
                before = fields.get(index)[1];
                fields.get(index)[1] = text;
            }
            return before;
        }
    }
}
