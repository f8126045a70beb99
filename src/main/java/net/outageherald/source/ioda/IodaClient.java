package net.outageherald.source.ioda;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one way this application talks to the IODA API v2: raw signals of countries and ASes, and IODA's own
 * outage alerts. Every failure (HTTP error, timeout, refused connection, error envelope, garbage) is a
 * {@link SourceUnavailableException}, which callers take as "unknown", never as "down". A failing IODA is left
 * alone with a growing backoff ({@link IodaHealth}), so it cannot slow down the other sources.
 *
 * <p>Outcomes, and whether they count against IODA's health (and so start or extend the backoff):
 * <pre>
 * what happened                       counts   reason
 * 2xx with a well-formed envelope     resets   -
 * 2xx with "error" set                yes      ERROR_ENVELOPE
 * 2xx that is not the documented JSON yes      MALFORMED
 * 400 (IODA names the bad parameter)  no       ERROR_ENVELOPE / HTTP_ERROR: our request, not IODA, was wrong
 * 429                                 yes      RATE_LIMITED
 * other 4xx, 5xx                      yes      HTTP_ERROR
 * timeout (connect, read, whole call) yes      TIMEOUT
 * other I/O error                     yes      IO_ERROR
 * </pre>
 * There are no retries within a call: IODA's bins are 5 to 10 minutes wide, and the next poll is the retry.
 */
public final class IodaClient {

    /** IODA refuses windows of 100 days or more. */
    static final Duration MAX_WINDOW = Duration.ofDays(99);

    private final HttpUrl base;
    private final OkHttpClient http;
    private final IodaHealth health;
    private final IodaResponseReader reader = new IodaResponseReader();
    private final String userAgent;
    private volatile String copyright;

    /**
     * @param http  the application's shared client; the request timeout is applied on a derived client that
     *              keeps its connection pool and dispatcher
     * @param clock time for the backoff
     */
    public IodaClient(IodaConfig config, OkHttpClient http, Clock clock) {
        this(config, http, clock, null);
    }

    /**
     * @param sourceapp the name we give RIPEstat ({@code ripestat.sourceapp}), repeated in the User-Agent so that
     *                  IODA's operators can tell who is asking the same way; null leaves it out
     */
    public IodaClient(IodaConfig config, OkHttpClient http, Clock clock, String sourceapp) {
        Objects.requireNonNull(config, "config");
        this.base = HttpUrl.get(config.url());
        this.http = http.newBuilder()
                .callTimeout(config.requestTimeout())
                .connectTimeout(config.requestTimeout())
                .readTimeout(config.requestTimeout())
                .build();
        this.health = new IodaHealth(Objects.requireNonNull(clock, "clock"), config.failureBackoff(),
                config.failureBackoffMax());
        String version = IodaClient.class.getPackage().getImplementationVersion();
        this.userAgent = "outage-herald/" + (version == null ? "development" : version)
                + " (IODA client of the Outage Herald chat bot" + (sourceapp == null ? "" : "; sourceapp=" + sourceapp)
                + ")";
    }

    /** One signal of one entity over {@code [from, until)}, at IODA's native bins. */
    public List<IodaSignal> signals(IodaEntity entity, IodaDatasource datasource, Instant from, Instant until)
            throws SourceUnavailableException {
        return signals(List.of(entity), datasource, from, until);
    }

    /**
     * One signal of several entities of one type in one call (IODA takes a comma list of codes), so that
     * watching more countries does not mean more requests.
     */
    public List<IodaSignal> signals(List<IodaEntity> entities, IodaDatasource datasource, Instant from,
                                    Instant until) throws SourceUnavailableException {
        if (entities.isEmpty()) {
            return List.of();
        }
        IodaEntity.Type type = entities.get(0).type();
        if (entities.stream().anyMatch(e -> e.type() != type)) {
            throw new IllegalArgumentException("one signals call covers one entity type, got " + entities);
        }
        String codes = entities.stream().map(IodaEntity::code).distinct().collect(Collectors.joining(","));
        HttpUrl url = window(base.newBuilder().addPathSegments("signals/raw").addPathSegment(type.wireName())
                .addPathSegment(codes), from, until).addQueryParameter("datasource", datasource.wireName())
                // at least one point per native bin, so IODA does not downsample what we judge
                .addQueryParameter("maxPoints", Long.toString(nativeBins(datasource, from, until))).build();
        String endpoint = "IODA signals/raw/" + type.wireName() + "/" + codes + " " + datasource.wireName();
        return reader.signals(endpoint, call(endpoint, url, IodaResponseReader.SIGNALS));
    }

    /** IODA's alerts for one entity over {@code [from, until)}, leaving out its SARIMA ones as its own UI does. */
    public List<IodaAlert> alerts(IodaEntity entity, Instant from, Instant until) throws SourceUnavailableException {
        HttpUrl url = window(base.newBuilder().addPathSegments("outages/alerts")
                .addQueryParameter("entityType", entity.type().wireName())
                .addQueryParameter("entityCode", entity.code()), from, until)
                .addQueryParameter("ignoreMethods", "*.sarima").build();
        String endpoint = "IODA outages/alerts " + entity.path();
        return reader.alerts(endpoint, call(endpoint, url, IodaResponseReader.ALERTS));
    }

    /** The credit line IODA's data asks for, from the copyright notice of its latest answer. */
    public String attribution() {
        return IodaLinks.attribution(copyright);
    }

    /** While IODA is failing: since when, how often, the last error and until when it is left alone. */
    public Optional<String> failure() {
        return health.failing().map(f -> "failing since " + f.since() + " (" + f.consecutiveFailures()
                + " calls), left alone until " + f.backingOffUntil() + "; last: " + f.lastError());
    }

    private IodaResponseReader.Envelope call(String endpoint, HttpUrl url, String type)
            throws SourceUnavailableException {
        health.checkAvailable(endpoint);
        try {
            IodaResponseReader.Envelope envelope = reader.envelope(endpoint, execute(endpoint, url), type);
            health.recordSuccess();
            envelope.copyright().ifPresent(c -> copyright = c);
            return envelope;
        } catch (Rejected rejected) {
            throw rejected.failure;
        } catch (SourceUnavailableException failure) {
            health.recordFailure(failure);
            throw failure;
        } catch (InterruptedException e) {
            // shutting down: keep the flag for the caller, and do not hold it against IODA
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException(endpoint, Reason.IO_ERROR, "interrupted", e);
        }
    }

    private byte[] execute(String endpoint, HttpUrl url) throws SourceUnavailableException, Rejected,
            InterruptedException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json")
                .header("User-Agent", userAgent).get().build();
        int code;
        byte[] body;
        try (Response response = http.newCall(request).execute()) {
            code = response.code();
            body = response.body().bytes();
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted during " + endpoint);
            }
            // OkHttp reports connect, read and whole-call timeouts all as InterruptedIOException
            throw new SourceUnavailableException(endpoint, Reason.TIMEOUT, "timed out: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SourceUnavailableException(endpoint, Reason.IO_ERROR, "I/O error: " + e, e);
        }
        if (code == 400) {
            Optional<String> error = reader.errorText(body);
            throw new Rejected(new SourceUnavailableException(endpoint, error.isPresent() ? Reason.ERROR_ENVELOPE
                    : Reason.HTTP_ERROR, "IODA refused the request (HTTP 400)" + error.map(t -> ": " + t).orElse("")));
        }
        if (code == 429) {
            throw new SourceUnavailableException(endpoint, Reason.RATE_LIMITED, "HTTP 429 Too Many Requests");
        }
        if (code < 200 || code >= 300) {
            throw new SourceUnavailableException(endpoint, Reason.HTTP_ERROR, "HTTP " + code
                    + reader.errorText(body).map(t -> ": " + t).orElse(""));
        }
        return body;
    }

    private static long nativeBins(IodaDatasource datasource, Instant from, Instant until) {
        long step = datasource.nativeStep().toSeconds();
        return (Duration.between(from, until).toSeconds() + step - 1) / step;
    }

    private static HttpUrl.Builder window(HttpUrl.Builder url, Instant from, Instant until) {
        if (!from.isBefore(until) || Duration.between(from, until).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("an IODA window runs forwards and spans at most " + MAX_WINDOW
                    + ", got " + from + " .. " + until);
        }
        return url.addQueryParameter("from", Long.toString(from.getEpochSecond()))
                .addQueryParameter("until", Long.toString(until.getEpochSecond()));
    }

    /** A failure that says our request was wrong, so it does not count against IODA's health. */
    private static final class Rejected extends Exception {
        private final SourceUnavailableException failure;

        Rejected(SourceUnavailableException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
