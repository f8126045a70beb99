package net.outageherald.chat.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.outageherald.outbox.SendResult;

/**
 * Which Discord failures are worth retrying. Only Discord's own word that the channel or its server is gone
 * ends subscriptions (those made by commands); a permission the bot lost pauses the channel (its messages wait,
 * the operators are told, it resumes once the bot may post again); a message Discord can never take is dropped
 * alone; anything that could be ours or passing (a bare 404 from a wrong base URL, a 401) is retried until the
 * outbox gives up.
 *
 * <pre>
 * failure                                                      result
 * 10003 Unknown Channel, 10004 Unknown Guild, 50007 Cannot
 *   send messages to this user                                  Permanent
 * JDA's local permission check (InsufficientPermission, also
 *   MissingAccess), 50001 Missing Access, 50013 Missing
 *   Permissions                                                 Paused
 * 50035 Invalid Form Body, 50006 empty message, 40005 too
 *   large, blocked by AutoMod or the harmful link filter, JDA's
 *   own check of the message (IllegalArgumentException)         Rejected
 * 429 / RateLimitedException (JDA usually waits these out)      Retry, after Discord's retry-after
 * 5xx, I/O error, timeout, cancelled                            Retry
 * 401 (token revoked: every channel fails alike)                Retry
 * any other 4xx                                                 Retry
 * </pre>
 */
final class SendFailures {

    private static final Set<ErrorResponse> GONE = EnumSet.of(ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.UNKNOWN_GUILD, ErrorResponse.CANNOT_SEND_TO_USER);
    private static final Set<ErrorResponse> NO_RIGHTS = EnumSet.of(ErrorResponse.MISSING_ACCESS,
            ErrorResponse.MISSING_PERMISSIONS);
    private static final Set<ErrorResponse> BAD_MESSAGE = EnumSet.of(ErrorResponse.INVALID_FORM_BODY,
            ErrorResponse.EMPTY_MESSAGE, ErrorResponse.REQUEST_ENTITY_TOO_LARGE,
            ErrorResponse.MESSAGE_BLOCKED_BY_AUTOMOD, ErrorResponse.MESSAGE_BLOCKED_BY_HARMFUL_LINK_FILTER);

    private SendFailures() {
    }

    static SendResult classify(Throwable failure) {
        if (failure instanceof InsufficientPermissionException e) {
            return new SendResult.Paused("the bot lacks " + e.getPermission().getName() + " in this channel");
        }
        if (failure instanceof RateLimitedException e) {
            return new SendResult.Retry("rate limited by Discord", Duration.ofMillis(Math.max(0, e.getRetryAfter())));
        }
        if (failure instanceof ErrorResponseException e) {
            return classify(e);
        }
        if (failure instanceof TimeoutException || failure instanceof CancellationException
                || failure instanceof InterruptedException) {
            return new SendResult.Retry("no answer from Discord in time", null);
        }
        if (failure instanceof IllegalArgumentException e) {
            // JDA checks a message before sending (embed size, empty content): it would never pass
            return new SendResult.Rejected("refused before sending: " + e.getMessage());
        }
        return new SendResult.Retry("unexpected failure: " + failure, null);
    }

    private static SendResult classify(ErrorResponseException e) {
        int status = e.getResponse().code;
        String what = "Discord answered " + (status > 0 ? status + " " : "") + e.getErrorCode() + " " + e.getMeaning();
        if (e.getResponse().isError()) {
            return new SendResult.Retry("I/O error talking to Discord: " + e.getMeaning(), null);
        }
        if (status == 429) {
            long ms = e.getResponse().retryAfter;
            return new SendResult.Retry(what, ms > 0 ? Duration.ofMillis(ms) : null);
        }
        if (status >= 500) {
            return new SendResult.Retry(what, null);
        }
        if (GONE.contains(e.getErrorResponse())) {
            return new SendResult.Permanent(what);
        }
        if (NO_RIGHTS.contains(e.getErrorResponse())) {
            return new SendResult.Paused(what);
        }
        if (BAD_MESSAGE.contains(e.getErrorResponse())) {
            return new SendResult.Rejected(what);
        }
        return new SendResult.Retry(what, null);
    }

    /**
     * A reply that failed because of its reference, not its channel: the original is gone (10008, or a form
     * error on {@code message_reference}), or the bot may post but not read history, which replies need
     * (JDA's check of its cache, or Discord's 160002 when the channel is sent to by id alone).
     */
    static boolean isReferenceProblem(Throwable failure) {
        if (!(failure instanceof ErrorResponseException e)) {
            return false;
        }
        return switch (e.getErrorResponse()) {
            case UNKNOWN_MESSAGE, MISSING_PERMISSIONS, REPLY_FAILED_MISSING_MESSAGE_HISTORY_PERM -> true;
            case INVALID_FORM_BODY -> e.getSchemaErrors().stream()
                    .anyMatch(s -> s.getLocation().contains("message_reference"));
            default -> false;
        };
    }

    static boolean isUnknownMessage(Throwable failure) {
        return failure instanceof ErrorResponseException e
                && (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE
                || e.getErrorResponse() == ErrorResponse.INVALID_AUTHOR_EDIT);
    }
}
