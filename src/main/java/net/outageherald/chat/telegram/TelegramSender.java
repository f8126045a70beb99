package net.outageherald.chat.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Optional;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.ChatKinds;
import net.outageherald.outbox.NotifyConfig.Rate;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers outbox rows to Telegram: a new message (as a reply to the outage message when the row says
 * so) or an edit of an earlier one. Never throws: every failure becomes a {@link SendResult} (see
 * {@link TelegramFailures} for the decision table).
 */
public final class TelegramSender implements Sender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    /** What a bot that allows paid broadcasts may send overall, as Telegram publishes it. */
    static final Rate PAID_BROADCAST_RATE = Rate.perSecond(1000);
    /** What Telegram answers a sent message with, for {@link #warmUp}: the fields our sends read. */
    private static final String SAMPLE_ANSWER = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":0,"
            + "\"chat\":{\"id\":-1,\"type\":\"channel\"},\"text\":\"-\"}}";

    private final TelegramClient client;
    private final TelegramRenderer renderer;
    private final TelegramBotToken token;
    private final boolean allowPaidBroadcast;
    private final TelegramPhotos photos;
    private final ObjectMapper requestJson;

    /** A sender within Telegram's free limits. */
    public TelegramSender(TelegramClient client, TelegramRenderer renderer, TelegramBotToken token) {
        this(client, renderer, token, false);
    }

    /** A sender whose {@link #warmUp} builds no request body (it knows no client's mapper). */
    public TelegramSender(TelegramClient client, TelegramRenderer renderer, TelegramBotToken token,
                          boolean allowPaidBroadcast) {
        this(client, renderer, token, allowPaidBroadcast, null);
    }

    /**
     * @param client             a telegrambots client (an {@code OkHttpTelegramClient}) for the bot
     * @param token              the same bot's token, only to strip it from error texts
     * @param allowPaidBroadcast new messages carry {@code allow_paid_broadcast=true}
     *                           ({@code telegram.allow-paid-broadcast})
     * @param requestJson        the mapper the client writes its requests with, or null: {@link #warmUp} builds
     *                           its serializers for our requests
     */
    public TelegramSender(TelegramClient client, TelegramRenderer renderer, TelegramBotToken token,
                          boolean allowPaidBroadcast, ObjectMapper requestJson) {
        this.requestJson = requestJson;
        this.client = client;
        this.renderer = renderer;
        this.token = token;
        this.allowPaidBroadcast = allowPaidBroadcast;
        this.photos = new TelegramPhotos(client, token, allowPaidBroadcast);
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public boolean sendsCharts() {
        return true;
    }

    @Override
    public ChatKinds chatKinds() {
        return new TelegramChatKinds();
    }

    /** 1000/1s with paid broadcasts (beyond 30/1s Telegram charges Stars); else the published 30/1s stays. */
    @Override
    public Optional<Rate> globalRate() {
        return allowPaidBroadcast ? Optional.of(PAID_BROADCAST_RATE) : Optional.empty();
    }

    @Override
    public SendResult send(Delivery delivery) {
        if (delivery.to().platform() != Platform.TELEGRAM) {
            return new SendResult.Permanent("not a Telegram destination: " + delivery.to());
        }
        String html = renderer.render(delivery.message());
        try {
            if (delivery.action() == Delivery.Action.EDIT) {
                return photos.isPhoto(delivery.refId()) ? photos.editCaption(delivery, html) : edit(delivery, html);
            }
            return delivery.hasChart() ? withChart(delivery, html) : post(delivery, html);
        } catch (TelegramApiException | RuntimeException e) {
            return failed(delivery, e);
        }
    }

    /**
     * The text as the chart's caption when it fits, else the text and then the chart as a reply to it. The chart
     * never costs the text: a photo Telegram refuses (no right to send photos, an image it cannot take) is
     * followed at once by the text alone, and a photo after the text is tried once, its failure only logged, so
     * a retry never posts the text twice.
     */
    private SendResult withChart(Delivery d, String html) throws TelegramApiException {
        if (TelegramPhotos.fitsCaption(html)) {
            try {
                return photos.post(d, html, messageId(d.refId()));
            } catch (TelegramApiException | RuntimeException e) {
                SendResult photo = TelegramFailures.classify(e, token);
                if (!(photo instanceof SendResult.Paused || photo instanceof SendResult.Rejected)) {
                    return failed(d, e); // the chat's or the moment's problem: the text would fare no better
                }
                log.info("Telegram: {} refused the chart of outbox {} ({}); sending the text alone", d.to(),
                        d.outboxId(), TelegramFailures.describe(e, token));
                return post(d, html);
            }
        }
        SendResult text = post(d, html);
        if (text instanceof SendResult.Sent sent && sent.messageId() != null) {
            photos.postAfter(d, Integer.valueOf(sent.messageId()));
        }
        return text;
    }

    private SendResult post(Delivery d, String html) throws TelegramApiException {
        Message sent = client.execute(sendMessage(d, html));
        return new SendResult.Sent(sent == null || sent.getMessageId() == null ? null : sent.getMessageId().toString());
    }

    private SendMessage sendMessage(Delivery d, String html) {
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(d.to().id())
                .text(html)
                .parseMode(TelegramRenderer.PARSE_MODE)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (allowPaidBroadcast) {
            send.allowPaidBroadcast(true);
        }
        Integer replyTo = messageId(d.refId());
        if (replyTo != null) {
            // the restoration answers the outage message; if that was deleted, post it anyway
            send.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
        }
        return send.build();
    }

    private SendResult edit(Delivery d, String html) throws TelegramApiException {
        Integer messageId = messageId(d.refId());
        if (messageId == null) {
            // the row's fault, not the chat's: drop it alone
            return new SendResult.Rejected("cannot edit: '" + d.refId() + "' is not a Telegram message id");
        }
        Serializable edited = client.execute(editMessage(d, html, messageId));
        return new SendResult.Sent(edited instanceof Message m && m.getMessageId() != null
                ? m.getMessageId().toString() : d.refId());
    }

    private static EditMessageText editMessage(Delivery d, String html, int messageId) {
        return EditMessageText.builder()
                .chatId(d.to().id())
                .messageId(messageId)
                .text(html)
                .parseMode(TelegramRenderer.PARSE_MODE)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .build();
    }

    /**
     * Renders the sample, builds and writes a sendMessage and an editMessageText request of it (whatever its
     * action), and reads Telegram's answer to them, all without the network; a failure is only logged (at debug).
     * A chart's sendPhoto is not warmed: its first one builds its multipart body cold.
     */
    @Override
    public void warmUp(Delivery sample) {
        try {
            String html = renderer.render(sample.message());
            warm(sendMessage(sample, html));
            warm(editMessage(sample, html, 1));
        } catch (JsonProcessingException | TelegramApiException | RuntimeException e) {
            log.debug("Telegram: warming up the send path failed: {}", e.toString());
        }
    }

    private void warm(PartialBotApiMethod<?> method) throws JsonProcessingException, TelegramApiException {
        method.validate();
        if (requestJson != null) {
            requestJson.writeValueAsString(method);
        }
        method.deserializeResponse(SAMPLE_ANSWER);
    }

    private SendResult failed(Delivery d, Exception e) {
        if (d.action() == Delivery.Action.EDIT && TelegramFailures.notModified(e)) {
            return new SendResult.Sent(d.refId()); // already says what we wanted it to say
        }
        if (d.action() == Delivery.Action.EDIT && TelegramFailures.nothingToEdit(e)) {
            // deleted or too old to edit: retrying cannot help, and the chat itself is fine
            log.info("Telegram: outbox {}: message {} in {} can no longer be edited; leaving it", d.outboxId(), d.refId(), d.to());
            return new SendResult.Sent(d.refId());
        }
        SendResult result = TelegramFailures.classify(e, token);
        log.debug("Telegram: outbox {} to {}: {}", d.outboxId(), d.to(), result);
        return result;
    }

    /** The message id in a reference: "1234", or "1234:photo" for a message that is a chart with its caption. */
    static Integer messageId(String refId) {
        if (refId == null || refId.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(TelegramPhotos.plainId(refId).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
