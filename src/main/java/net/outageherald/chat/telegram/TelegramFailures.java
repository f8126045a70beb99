package net.outageherald.chat.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import net.outageherald.outbox.SendResult;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Classifies what went wrong with a Bot API call into a {@link SendResult}, so the outbox retries only
 * what is worth retrying. Reasons are stripped of the token (a URL in an I/O error would carry it).
 *
 * <pre>
 * what Telegram said                                  result      why
 * ------------------------------------------------    ---------   -------------------------------------------
 * parameters.migrate_to_chat_id (400)                 Moved       group became a supergroup: new id, same chat
 * 429 Too Many Requests, parameters.retry_after       Retry       wait as told; the outbox honours retryAfter
 * 403 Forbidden (blocked, kicked, not a member)        Permanent   nobody there will read us again
 * 400 chat not found / user not found / no rights     Permanent   the destination is gone or closed to the bot
 * 400 anything else                                   Retry       our message, not the chat: never end a
 *                                                                 subscription for it; the outbox deadline ends it
 * 401 / 404 (token revoked)                            Retry       the operator's fix, not the destination's fault
 * 5xx, unreadable body, timeout, I/O                  Retry       transient
 * request refused by telegrambots' validation          Permanent   a destination id Telegram can never accept
 * </pre>
 */
final class TelegramFailures {

    private TelegramFailures() {
    }

    static SendResult classify(Throwable failure, TelegramBotToken token) {
        Throwable e = unwrap(failure);
        if (e instanceof TelegramApiRequestException api && api.getErrorCode() != null && api.getErrorCode() != 0) {
            return classify(api, token);
        }
        if (e instanceof TelegramApiValidationException) {
            return new SendResult.Permanent("rejected before sending: " + token.redact(e.getMessage()));
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
        if (code == 403) {
            return new SendResult.Permanent(reason);
        }
        if (code == 400 && destinationGone(description)) {
            return new SendResult.Permanent(reason);
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

    private static boolean destinationGone(String description) {
        String d = description.toLowerCase(Locale.ROOT);
        return d.contains("chat not found") || d.contains("user not found") || d.contains("peer_id_invalid")
                || d.contains("not enough rights") || d.contains("have no rights") || d.contains("chat_write_forbidden")
                || d.contains("need administrator rights") || d.contains("bot is not a member")
                || d.contains("bot was kicked") || d.contains("chat is deactivated");
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
