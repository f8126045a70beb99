package net.outageherald.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.outageherald.outbox.SendResult;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision table of {@link SendFailures}, one row per case. */
class SendFailuresTest {

    @ParameterizedTest(name = "{0} code {1} -> {2}")
    @CsvSource({
            // the channel or its server is gone: Discord says so with its own code
            "404, 10003, Unknown Channel, Permanent",
            "404, 10004, Unknown Guild, Permanent",
            "403, 50007, Cannot send messages to this user, Permanent",
            // the bot lost a right there: the channel waits, its subscriptions stay
            "403, 50001, Missing Access, Paused",
            "403, 50013, Missing Permissions, Paused",
            // this message can never go: only it is dropped
            "400, 50035, Invalid Form Body, Rejected",
            "400, 50006, Cannot send an empty message, Rejected",
            "413, 40005, Request entity too large, Rejected",
            "400, 200000, Message was blocked by automatic moderation, Rejected",
            // no Discord code: a wrong base URL or a proxy, not the channel: never end subscriptions for it
            "404, 0, 404: Not Found, Retry",
            "403, 0, Forbidden, Retry",
            // token revoked: every channel fails alike, the operator must act, subscriptions stay
            "401, 0, 401: Unauthorized, Retry",
            // a 4xx Discord gives no known code for: retried until the outbox gives up, subscriptions stay
            "400, 0, Bad Request, Retry",
            // Discord's trouble
            "500, 0, Internal Server Error, Retry",
            "502, 0, Bad Gateway, Retry",
    })
    void httpFailures(int status, int code, String message, String expected) {
        SendResult result = SendFailures.classify(error(status, code, message, -1));

        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsDiscordAsks() {
        assertThat(SendFailures.classify(error(429, 0, "You are being rate limited.", 1500)))
                .isEqualTo(new SendResult.Retry("Discord answered 429 0 You are being rate limited.", Duration.ofMillis(1500)));
        assertThat(SendFailures.classify(new RateLimitedException("channels/1/messages", 2000)))
                .isEqualTo(new SendResult.Retry("rate limited by Discord", Duration.ofSeconds(2)));
    }

    @Test
    void ioErrorsAndTimeoutsAreRetried() {
        Response io = new Response(new IOException("Connection reset"), Set.of());
        assertThat(SendFailures.classify(ErrorResponseException.create(ErrorResponse.SERVER_ERROR, io)))
                .isInstanceOf(SendResult.Retry.class);
        assertThat(SendFailures.classify(new TimeoutException())).isInstanceOf(SendResult.Retry.class);
        assertThat(SendFailures.classify(new IllegalStateException("surprise"))).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void jdasOwnCheckOfTheMessageRejectsItAlone() {
        // (its permission check pauses the channel: DiscordSenderTest, on a channel the bot may not post in)
        assertThat(SendFailures.classify(new IllegalArgumentException("Provided Message contains an empty embed")))
                .isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void referenceProblemsAreToldApartFromChannelProblems() {
        assertThat(SendFailures.isReferenceProblem(error(404, 10008, "Unknown Message", -1))).isTrue();
        assertThat(SendFailures.isReferenceProblem(error(403, 50013, "Missing Permissions", -1))).isTrue();
        assertThat(SendFailures.isReferenceProblem(error(404, 10003, "Unknown Channel", -1))).isFalse();
        assertThat(SendFailures.isReferenceProblem(formError())).isTrue();
        assertThat(SendFailures.isUnknownMessage(error(404, 10008, "Unknown Message", -1))).isTrue();
        assertThat(SendFailures.isUnknownMessage(error(403, 50001, "Missing Access", -1))).isFalse();
    }

    private static ErrorResponseException error(int status, int code, String message, long retryAfter) {
        String body = DataObject.empty().put("message", message).put("code", code).toString();
        return create(status, body, retryAfter);
    }

    private static ErrorResponseException formError() {
        String body = "{\"code\": 50035, \"message\": \"Invalid Form Body\", \"errors\": {\"message_reference\": "
                + "{\"_errors\": [{\"code\": \"MESSAGE_REFERENCE_UNKNOWN_MESSAGE\", \"message\": \"Unknown message\"}]}}}";
        return create(400, body, -1);
    }

    private static ErrorResponseException create(int status, String body, long retryAfter) {
        okhttp3.Response raw = new okhttp3.Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1/api/v10/channels/1/messages").build())
                .protocol(Protocol.HTTP_1_1).code(status).message("x")
                .body(ResponseBody.create(body, MediaType.get("application/json")))
                .build();
        Response response = new Response(raw, retryAfter, Set.of());
        return ErrorResponseException.create(ErrorResponse.fromJSON(response.optObject().orElse(null)), response);
    }
}
