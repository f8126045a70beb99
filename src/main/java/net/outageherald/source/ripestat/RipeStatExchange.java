package net.outageherald.source.ripestat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import net.outageherald.source.SourceUnavailableException.Reason;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** One HTTP request to RIPEstat and the classification of its outcome (see {@link AttemptException}). */
final class RipeStatExchange {

    private final OkHttpClient http;
    private final EnvelopeReader envelopes;

    RipeStatExchange(OkHttpClient http, EnvelopeReader envelopes) {
        this.http = http;
        this.envelopes = envelopes;
    }

    /** The {@code data} object, or an {@link AttemptException} that says whether trying again makes sense. */
    JsonNode execute(String call, HttpUrl url) throws AttemptException, InterruptedException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        int code;
        String retryAfter;
        byte[] body;
        try (Response response = http.newCall(request).execute()) {
            code = response.code();
            retryAfter = response.header("Retry-After");
            body = response.body().bytes();
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted during RIPEstat " + call);
            }
            // OkHttp reports connect/read timeouts and its whole-call timeout all as InterruptedIOException
            throw AttemptException.transientFailure(Reason.TIMEOUT, "timed out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw AttemptException.transientFailure(Reason.IO_ERROR, "I/O error: " + e, e);
        }
        if (code == 429) {
            throw AttemptException.rateLimited("HTTP 429 Too Many Requests", retryAfterSeconds(retryAfter));
        }
        if (code >= 500) {
            throw AttemptException.transientFailure(Reason.HTTP_ERROR, "HTTP " + code + messages(body), null);
        }
        if (code >= 400) {
            // RIPEstat puts the reason for a bad request into an error envelope; say that when it does
            Optional<String> messages = envelopes.errorMessages(body);
            if (messages.isPresent()) {
                throw AttemptException.rejected(Reason.ERROR_ENVELOPE, "HTTP " + code + ": " + messages.get());
            }
            throw AttemptException.rejected(Reason.HTTP_ERROR, "HTTP " + code);
        }
        if (code < 200 || code >= 300) {
            // redirects were followed already; anything left is not an answer we understand
            throw AttemptException.badAnswer(Reason.HTTP_ERROR, "unexpected HTTP " + code, null);
        }
        return envelopes.data(call, body);
    }

    private String messages(byte[] body) {
        return envelopes.errorMessages(body).map(m -> ": " + m).orElse("");
    }

    /** Retry-After in seconds; the HTTP-date form is rare for APIs and falls back to our own backoff. */
    static Duration retryAfterSeconds(String header) {
        if (header == null) {
            return null;
        }
        String s = header.trim();
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(s));
    }
}
