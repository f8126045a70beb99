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
 * Which Discord failures are worth retrying. A permanent result ends the channel's subscriptions, so only
 * Discord's own word that the channel is gone or closed to the bot counts as permanent; anything that could
 * be ours or passing (a bare 404 from a wrong base URL, a 401, a malformed request) is retried until the
 * outbox gives up.
 *
 * <pre>
 * failure                                                      result
 * JDA's local permission check (InsufficientPermission)         Permanent
 * 10003 Unknown Channel, 10004 Unknown Guild, 50001 Missing
 *   Access, 50013 Missing Permissions, 50007 Cannot send         Permanent
 * 429 / RateLimitedException (JDA usually waits these out)      Retry, after Discord's retry-after
 * 5xx, I/O error, timeout, cancelled                            Retry
 * 401 (token revoked: every channel fails alike)                Retry
 * any other 4xx                                                 Retry
 * </pre>
 */
final class SendFailures {

    private static final Set<ErrorResponse> GONE = EnumSet.of(ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.UNKNOWN_GUILD, ErrorResponse.MISSING_ACCESS, ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.CANNOT_SEND_TO_USER);

    private SendFailures() {
    }

    static SendResult classify(Throwable failure) {
        if (failure instanceof InsufficientPermissionException e) {
            return new SendResult.Permanent("the bot lacks " + e.getPermission().getName() + " in this channel");
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
        if (status < 500 && GONE.contains(e.getErrorResponse())) {
            return new SendResult.Permanent(what);
        }
        return new SendResult.Retry(what, null);
    }

    /**
     * A reply that failed because of its reference, not its channel: the original is gone (10008, or a form
     * error on {@code message_reference}), or the bot may post but not read history, which replies need.
     */
    static boolean isReferenceProblem(Throwable failure) {
        if (!(failure instanceof ErrorResponseException e)) {
            return false;
        }
        return switch (e.getErrorResponse()) {
            case UNKNOWN_MESSAGE, MISSING_PERMISSIONS -> true;
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
