package net.outageherald.chat.telegram;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.List;
import net.outageherald.model.Delivery;
import net.outageherald.model.Message;
import net.outageherald.outbox.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Charts on Telegram: {@code sendPhoto} (multipart, the PNG as {@code chart.png}) with the message as its
 * caption, or after the message as a reply to it; and the edit of such a message, which is its caption's
 * ({@code editMessageCaption}), not a text's. A photo message's reference is kept as {@code "<id>:photo"},
 * so that the restoration's edit knows which of the two calls to make. Every chat that hears of one event gets
 * the same chart (the same array): it is uploaded once, and sent by the {@code file_id} Telegram gave it after.
 */
final class TelegramPhotos {

    /** Telegram's limit for a caption, counted after entities parsing (the visible text). */
    static final int MAX_CAPTION = 1024;
    static final String FILE_NAME = "chart.png";
    private static final String PHOTO = ":photo";
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPhotos.class);

    private final TelegramClient client;
    private final TelegramBotToken token;
    private final boolean allowPaidBroadcast;
    /** Telegram's file id of each chart uploaded, by the chart's array (identity; gone when the chart is). */
    private final Map<byte[], String> uploaded = Collections.synchronizedMap(new WeakHashMap<>());

    TelegramPhotos(TelegramClient client, TelegramBotToken token, boolean allowPaidBroadcast) {
        this.client = client;
        this.token = token;
        this.allowPaidBroadcast = allowPaidBroadcast;
    }

    /** Whether {@code html} is short enough, as Telegram counts it, to be a photo's caption. */
    static boolean fitsCaption(String html) {
        return visibleLength(html) <= MAX_CAPTION;
    }

    /** The length Telegram counts: the text without tags, each entity one character (UTF-16 units, as Telegram). */
    static int visibleLength(String html) {
        return html.replaceAll("<[^>]*>", "").replaceAll("&(lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);", "&").length();
    }

    static boolean isPhoto(String ref) {
        return ref != null && ref.endsWith(PHOTO);
    }

    /** "1234" of "1234:photo" (and of "1234"). */
    static String plainId(String ref) {
        return isPhoto(ref) ? ref.substring(0, ref.length() - PHOTO.length()) : ref;
    }

    /** The chart with the message as its caption; throws what Telegram said, for the sender to weigh. */
    SendResult post(Delivery d, String caption, Integer replyTo) throws TelegramApiException {
        org.telegram.telegrambots.meta.api.objects.message.Message sent = send(d, replyTo, caption);
        return new SendResult.Sent(sent == null || sent.getMessageId() == null ? null : sent.getMessageId() + PHOTO);
    }

    /** Sends the chart, by its file id when Telegram has it already; a file id it no longer knows is uploaded anew. */
    private org.telegram.telegrambots.meta.api.objects.message.Message send(Delivery d, Integer replyTo, String caption)
            throws TelegramApiException {
        String fileId = uploaded.get(d.chart());
        if (fileId != null) {
            try {
                return client.execute(photo(d, replyTo, new InputFile(fileId), caption));
            } catch (TelegramApiRequestException e) {
                if (!unknownFile(e)) {
                    throw e; // the chat's refusal (no right to send photos...): the file id is good for the others
                }
                uploaded.remove(d.chart()); // "wrong file identifier": upload it again
            }
        }
        org.telegram.telegrambots.meta.api.objects.message.Message sent = client.execute(
                photo(d, replyTo, new InputFile(new ByteArrayInputStream(d.chart()), FILE_NAME), caption));
        if (sent != null && sent.getPhoto() != null && !sent.getPhoto().isEmpty()) {
            uploaded.put(d.chart(), sent.getPhoto().get(sent.getPhoto().size() - 1).getFileId());
        }
        return sent;
    }

    /** Telegram no longer knows the file id ("wrong file identifier/HTTP URL specified", "wrong remote file..."). */
    private static boolean unknownFile(TelegramApiRequestException e) {
        String said = e.getApiResponse() == null ? "" : e.getApiResponse().toLowerCase(java.util.Locale.ROOT);
        return e.getErrorCode() != null && e.getErrorCode() == 400
                && (said.contains("file identifier") || said.contains("remote file") || said.contains("file_id")
                || said.contains("file_reference") || said.contains("wrong file"));
    }

    /** The chart alone, as a reply to the message it belongs to; once, its failure only logged. */
    void postAfter(Delivery d, int textId) {
        try {
            send(d, textId, null);
        } catch (TelegramApiException | RuntimeException e) {
            LOG.info("Telegram: outbox {}: the chart after message {} in {} did not go ({}); the text did",
                    d.outboxId(), textId, d.to(), TelegramFailures.describe(e, token));
        }
    }

    /** Marks a chart's caption resolved; a caption too long for Telegram loses its facts, then its summary. */
    SendResult editCaption(Delivery d, String html) {
        Integer messageId = TelegramSender.messageId(d.refId());
        if (messageId == null) {
            return new SendResult.Rejected("cannot edit: '" + d.refId() + "' is not a Telegram message id");
        }
        String caption = fitting(d.message(), html);
        try {
            client.execute(EditMessageCaption.builder()
                    .chatId(d.to().id())
                    .messageId(messageId)
                    .caption(caption)
                    .parseMode(TelegramRenderer.PARSE_MODE)
                    .build());
            return new SendResult.Sent(d.refId());
        } catch (TelegramApiException | RuntimeException e) {
            if (TelegramFailures.notModified(e) || TelegramFailures.nothingToEdit(e)) {
                return new SendResult.Sent(d.refId());
            }
            return TelegramFailures.classify(e, token);
        }
    }

    private static String fitting(Message m, String html) {
        if (fitsCaption(html)) {
            return html;
        }
        TelegramRenderer renderer = new TelegramRenderer();
        String shorter = renderer.render(new Message(m.status(), m.headline(), m.summary(), List.of(), m.timestamp(),
                m.link(), m.footer()));
        if (fitsCaption(shorter)) {
            return shorter;
        }
        return renderer.render(new Message(m.status(), Shorten.clip(m.headline(), 200), "", List.of(), null, null, null));
    }

    private SendPhoto photo(Delivery d, Integer replyTo, InputFile file, String caption) {
        SendPhoto.SendPhotoBuilder<?, ?> send = SendPhoto.builder()
                .chatId(d.to().id())
                .photo(file);
        if (caption != null) {
            send.caption(caption).parseMode(TelegramRenderer.PARSE_MODE);
        }
        if (allowPaidBroadcast) {
            send.allowPaidBroadcast(true);
        }
        if (replyTo != null) {
            send.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
        }
        return send.build();
    }
}
