package net.outageherald.chat.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import net.outageherald.outbox.SendResult;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Classifies what went wrong with a Bot API call into a {@link SendResult}, so the outbox retries only
 * what is worth retrying, and ends a subscription only on Telegram's own word that the chat is gone. Reasons
 * are stripped of the token (a URL in an I/O error would carry it).
 *
 * <pre>
 * what Telegram said                                  result      why
 * ------------------------------------------------    ---------   -------------------------------------------
 * parameters.migrate_to_chat_id (400)                 Moved       group became a supergroup: new id, same chat
 * 429 Too Many Requests, parameters.retry_after       Retry       wait as told; the outbox honours retryAfter
 * bot was kicked, bot was blocked by the user, user   Permanent   the chat is gone or shut to the bot for good:
 *   is deactivated, chat not found, user not found,               only then may its subscriptions end
 *   chat is deactivated, bot is not a member,
 *   PEER_ID_INVALID (400 or 403)
 * not enough rights, have no rights, need admin       Paused      the bot lost a right: its messages wait and
 *   rights, CHAT_WRITE_FORBIDDEN, CHAT_RESTRICTED,                are tried again, subscriptions stay, the
 *   TOPIC_CLOSED; any other 403                                   operators are told; it resumes by itself
 * 400 message is too long, can't parse entities,      Rejected    this message can never go: drop it alone,
 *   message text is empty, MESSAGE_TOO_LONG                       the chat's next messages go on
 * 400 anything else                                   Rejected    a Bad Request is about the request: sending
 *                                                                 the same one again gets the same answer, and
 *                                                                 retrying it would hold the chat's queue for
 *                                                                 hours; drop it alone, never end the chat
 * 401 / 404 (token revoked)                            Retry       the operator's fix, not the destination's fault
 * 5xx, unreadable body, timeout, I/O                  Retry       transient
 * request refused by telegrambots' validation          Rejected    a message Telegram can never accept (the
 *                                                                 destination's id is never blank)
 * </pre>
 */
final class TelegramFailures {

    private static final List<String> GONE = List.of("bot was kicked", "bot was blocked by the user",
            "user is deactivated", "chat not found", "user not found", "chat is deactivated", "bot is not a member",
            "peer_id_invalid", "group chat was deleted");
    private static final List<String> NO_RIGHTS = List.of("not enough rights", "have no rights",
            "need administrator rights", "chat_write_forbidden", "chat_restricted", "chat_send_plain_forbidden",
            "chat_admin_required", "topic_closed");

    private TelegramFailures() {
    }

    static SendResult classify(Throwable failure, TelegramBotToken token) {
        Throwable e = unwrap(failure);
        if (e instanceof TelegramApiRequestException api && api.getErrorCode() != null && api.getErrorCode() != 0) {
            return classify(api, token);
        }
        if (e instanceof TelegramApiValidationException) {
            return new SendResult.Rejected("refused before sending: " + token.redact(e.getMessage()));
        }
        String what = e instanceof IOException ? "network: " : "unexpected answer: ";
        return new SendResult.Retry(what + describe(e, token), null);
    }

    private static SendResult classify(TelegramApiRequestException api, TelegramBotToken token) {
        int code = api.getErrorCode();
        String description = token.redact(api.getApiResponse() == null ? "" : api.getApiResponse());
        String reason = code + " " + description;
        ResponseParameters p = api.getParameters();
        if (p != null && p.getMigrateToChatId() != null) {
            return new SendResult.Moved(Long.toString(p.getMigrateToChatId()));
        }
        if (code == 429) {
            Duration wait = p != null && p.getRetryAfter() != null ? Duration.ofSeconds(p.getRetryAfter()) : null;
            return new SendResult.Retry(reason, wait);
        }
        String d = description.toLowerCase(Locale.ROOT);
        if ((code == 400 || code == 403) && mentions(d, GONE)) {
            return new SendResult.Permanent(reason);
        }
        if (code == 403 || code == 400 && mentions(d, NO_RIGHTS)) {
            return new SendResult.Paused(reason);
        }
        if (code == 400) {
            // "message is too long", "can't parse entities", and any 400 we know no meaning of: the chat-level
            // ones (gone, moved, no rights) are answered above
            return new SendResult.Rejected(reason);
        }
        return new SendResult.Retry(reason, null);
    }

    /** True for Telegram's "message is not modified": an edit that changes nothing has succeeded. */
    static boolean notModified(Throwable failure) {
        return description(failure).contains("message is not modified");
    }

    /** True when the message to edit is gone or too old: there is nothing left to mark resolved. */
    static boolean nothingToEdit(Throwable failure) {
        String d = description(failure);
        return d.contains("message to edit not found") || d.contains("message can't be edited");
    }

    /** A one-line, token-free description for logs. */
    static String describe(Throwable failure, TelegramBotToken token) {
        Throwable e = unwrap(failure);
        if (e instanceof TelegramApiRequestException api && api.getErrorCode() != null && api.getErrorCode() != 0) {
            return token.redact(api.getErrorCode() + " " + api.getApiResponse());
        }
        String message = e.getMessage();
        if (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null) {
            message = message + " (" + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage() + ")";
        }
        return token.redact(e.getClass().getSimpleName() + ": " + message);
    }

    static Integer errorCode(Throwable failure) {
        return unwrap(failure) instanceof TelegramApiRequestException api ? api.getErrorCode() : null;
    }

    private static String description(Throwable failure) {
        Throwable e = unwrap(failure);
        String d = e instanceof TelegramApiRequestException api && api.getApiResponse() != null ? api.getApiResponse() : "";
        return d.toLowerCase(Locale.ROOT);
    }

    private static boolean mentions(String description, List<String> phrases) {
        return phrases.stream().anyMatch(description::contains);
    }

    /** The library wraps failures in ExecutionException or a generic TelegramApiException; look inside. */
    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while (e.getCause() != null && e.getCause() != e
                && !(e instanceof TelegramApiRequestException api && api.getErrorCode() != null && api.getErrorCode() != 0)
                && (e instanceof java.util.concurrent.ExecutionException || e instanceof java.util.concurrent.CompletionException
                || e.getClass() == org.telegram.telegrambots.meta.exceptions.TelegramApiException.class)) {
            e = e.getCause();
        }
        return e;
    }
}
