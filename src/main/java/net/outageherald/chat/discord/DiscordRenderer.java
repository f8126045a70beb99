package net.outageherald.chat.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.outageherald.model.Status;
import net.outageherald.model.Message;

/**
 * Turns a platform-neutral {@link Message} into a Discord embed: colour by status, the headline as title
 * (linked to the evidence), the summary as description, facts as fields, the time as timestamp. Everything
 * is escaped for Discord markdown and shortened to Discord's embed limits, saying what was left out.
 */
public final class DiscordRenderer {

    static final int RED = 0xED4245;
    static final int ORANGE = 0xE67E22;
    static final int GREEN = 0x57F287;
    static final int GREY = 0x95A5A6;

    private static final Pattern WEB_URL = Pattern.compile("https?://\\S+");
    private static final String BLANK = "\u200b";
    /** Room kept for the note that says how many facts were left out. */
    private static final int NOTE_ROOM = 60;

    /** The embed for a message; never breaks a Discord limit. */
    public MessageEmbed render(Message message) {
        String link = usableLink(message.link());
        String title = EmbedText.shorten(EmbedText.escape(message.status().emoji() + " " + message.headline()),
                MessageEmbed.TITLE_MAX_LENGTH);
        String description = EmbedText.shorten(EmbedText.escape(message.summary()),
                MessageEmbed.DESCRIPTION_MAX_LENGTH);
        String footer = message.footer() == null || message.footer().isBlank() ? null
                : EmbedText.shorten(message.footer(), MessageEmbed.TEXT_MAX_LENGTH);

        List<MessageEmbed.Field> fields = new ArrayList<>();
        for (Message.Field f : message.fields()) {
            fields.add(field(f.name(), f.value(), f.inline()));
        }
        if (link != null) {
            fields.add(new MessageEmbed.Field("Evidence", link, false));
        }
        int budget = MessageEmbed.EMBED_MAX_LENGTH_BOT - title.length() - (footer == null ? 0 : footer.length());
        description = EmbedText.shorten(description, Math.max(0, budget - 4 * NOTE_ROOM)); // leave room for facts
        fields = fitFields(fields, budget - description.trim().length());

        EmbedBuilder embed = new EmbedBuilder()
                .setColor(colour(message.status()))
                .setTitle(title, link)
                .setDescription(description.isBlank() ? null : description)
                .setTimestamp(message.timestamp())
                .setFooter(footer);
        fields.forEach(embed::addField);
        return embed.build();
    }

    /** The embed colour for a status: red down, orange partial, green up (restored), grey unknown. */
    public static int colour(Status status) {
        return switch (status) {
            case DOWN -> RED;
            case PARTIAL -> ORANGE;
            case UP -> GREEN;
            case UNKNOWN -> GREY;
        };
    }

    private static MessageEmbed.Field field(String name, String value, boolean inline) {
        String n = EmbedText.shorten(EmbedText.escape(name.strip()), MessageEmbed.TITLE_MAX_LENGTH);
        String v = EmbedText.shorten(EmbedText.escape(value.strip()), MessageEmbed.VALUE_MAX_LENGTH);
        return new MessageEmbed.Field(n.isEmpty() ? BLANK : n, v.isEmpty() ? BLANK : v, inline);
    }

    /** At most 25 fields within {@code budget} characters; if some must go, the last slot says how many. */
    private static List<MessageEmbed.Field> fitFields(List<MessageEmbed.Field> fields, int budget) {
        if (fields.size() <= MessageEmbed.MAX_FIELD_AMOUNT && size(fields) <= budget) {
            return fields;
        }
        List<MessageEmbed.Field> kept = new ArrayList<>();
        int used = NOTE_ROOM;
        for (MessageEmbed.Field f : fields) {
            int size = f.getName().length() + f.getValue().length();
            if (kept.size() == MessageEmbed.MAX_FIELD_AMOUNT - 1 || used + size > budget) {
                break;
            }
            kept.add(f);
            used += size;
        }
        int leftOut = fields.size() - kept.size();
        kept.add(new MessageEmbed.Field("…", leftOut + (leftOut == 1 ? " more fact" : " more facts")
                + " left out to fit Discord's limits", false));
        return kept;
    }

    private static int size(List<MessageEmbed.Field> fields) {
        return fields.stream().mapToInt(f -> f.getName().length() + f.getValue().length()).sum();
    }

    private static String usableLink(String link) {
        if (link == null) {
            return null;
        }
        String l = link.strip();
        return l.length() <= MessageEmbed.URL_MAX_LENGTH && WEB_URL.matcher(l).matches() ? l : null;
    }
}
