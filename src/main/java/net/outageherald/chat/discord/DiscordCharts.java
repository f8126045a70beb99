package net.outageherald.chat.discord;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.outageherald.outbox.SendResult;

/**
 * Charts on Discord: the PNG uploaded with the message as {@code chart.png} and shown as its embed's image
 * ({@code attachment://chart.png}), one message, under the same nonce as the text alone would have had.
 *
 * <p>A message posted with its chart is referred to as {@code "<id>:chart"}: an edit (the outage marked resolved)
 * replaces the embeds, and an embed without {@code attachment://chart.png} would leave the chart a loose file
 * under it. Discord keeps a message's attachments on an edit that sends no {@code attachments} field, so the
 * edited embed points at the same file again.
 */
final class DiscordCharts {

    static final String FILE_NAME = "chart.png";
    static final String IMAGE_URL = "attachment://" + FILE_NAME;

    private static final String WITH_CHART = ":chart";

    private DiscordCharts() {
    }

    /** The reference kept for a message just posted: its id, marked when it carries the chart. */
    static String ref(String messageId, boolean withChart) {
        return withChart && messageId != null ? messageId + WITH_CHART : messageId;
    }

    /** The message id in a reference: "1234" of "1234:chart" (and of "1234"); null stays null. */
    static String messageId(String ref) {
        return ref != null && ref.endsWith(WITH_CHART) ? ref.substring(0, ref.length() - WITH_CHART.length()) : ref;
    }

    /** Whether the referred message was posted with its chart. */
    static boolean hasChart(String ref) {
        return ref != null && ref.endsWith(WITH_CHART);
    }

    /** The embed of an edit of {@code ref}: showing the message's chart again when it has one. */
    static MessageEmbed forEdit(MessageEmbed embed, String ref) {
        return hasChart(ref) ? withImage(embed) : embed;
    }

    static MessageEmbed withImage(MessageEmbed embed) {
        return new EmbedBuilder(embed).setImage(IMAGE_URL).build();
    }

    static FileUpload upload(byte[] png) {
        return FileUpload.fromData(png, FILE_NAME);
    }

    /**
     * A failure the chart may have caused, after which the text alone is worth sending at once: a right the bot
     * lacks (Attach Files), or a message Discord refused (too large); not the channel gone, a rate limit or an
     * outage, which the text would meet as well.
     */
    static boolean refusedChart(Throwable failure) {
        SendResult r = SendFailures.classify(failure);
        return r instanceof SendResult.Paused || r instanceof SendResult.Rejected;
    }
}
