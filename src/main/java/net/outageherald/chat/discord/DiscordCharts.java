package net.outageherald.chat.discord;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.outageherald.outbox.SendResult;

/**
 * Charts on Discord: the PNG uploaded with the message as {@code chart.png} and shown as its embed's image
 * ({@code attachment://chart.png}), one message, under the same nonce as the text alone would have had.
 */
final class DiscordCharts {

    static final String FILE_NAME = "chart.png";
    static final String IMAGE_URL = "attachment://" + FILE_NAME;

    private DiscordCharts() {
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
