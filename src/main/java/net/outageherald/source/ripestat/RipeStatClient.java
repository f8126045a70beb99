package net.outageherald.source.ripestat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way this application talks to the RIPEstat Data API. Every call goes
 * {@code GET {url}/data/{call}/data.json?...&sourceapp=...} and passes, in order: the data call's own failure
 * state (fails fast with {@link Reason#BACKING_OFF} while it is being left alone), then per attempt the shared
 * request budget and a fair cap on requests in flight, with retries as {@link RetryPolicy} and
 * {@link AttemptException} decide. Only this package sees the JSON it returns.
 */
public final class RipeStatClient {

    static final String LOOKING_GLASS = "looking-glass";
    static final String ANNOUNCED_PREFIXES = "announced-prefixes";
    static final String AS_OVERVIEW = "as-overview";
    static final String COUNTRY_RESOURCE_LIST = "country-resource-list";
    static final String ROUTING_STATUS = "routing-status";
    static final String RIR_STATS_COUNTRY = "rir-stats-country";

    private static final Logger LOG = LoggerFactory.getLogger(RipeStatClient.class);

    private final RipeStatConfig settings;
    private final HttpUrl base;
    private final Clock clock;
    private final RequestBudget budget;
    private final Sleeper sleeper;
    private final Semaphore inFlight;
    private final Retry retry;
    private final RipeStatExchange exchange;
    private final Map<String, EndpointHealth> endpoints = new ConcurrentHashMap<>();

    /** Production wiring: a {@link TokenBucketBudget} of {@code requestsPerMinute}, real sleeping. */
    public RipeStatClient(RipeStatConfig settings, OkHttpClient http, Clock clock) {
        this(settings, http, clock, new TokenBucketBudget(settings.requestsPerMinute(), clock), Sleeper.threadSleep());
    }

    /**
     * @param http    shared client; our timeouts are applied on a derived client that keeps its connection pool
     * @param clock   time for the failure state of each data call
     * @param budget  request allowance shared by all calls
     * @param sleeper waits between retries
     */
    public RipeStatClient(RipeStatConfig settings, OkHttpClient http, Clock clock, RequestBudget budget,
                          Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.base = HttpUrl.get(settings.url());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // fair, so a burst of calls is served in arrival order and none starves
        this.inFlight = new Semaphore(settings.maxInFlight(), true);
        this.retry = RetryPolicy.create("ripestat", settings);
        this.exchange = new RipeStatExchange(withTimeouts(http.newBuilder(), settings).build(), new EnvelopeReader());
        for (String call : List.of(LOOKING_GLASS, ANNOUNCED_PREFIXES, AS_OVERVIEW, COUNTRY_RESOURCE_LIST, ROUTING_STATUS,
                RIR_STATS_COUNTRY)) {
            endpoint(call);
        }
    }

    /** An OkHttp client with the timeouts from the settings, for callers that do not share one yet. */
    public static OkHttpClient httpClient(RipeStatConfig settings) {
        return withTimeouts(new OkHttpClient.Builder(), settings).build();
    }

    /** The health of each data call, sorted by name. */
    public List<EndpointStatus> endpoints() {
        List<EndpointStatus> statuses = new ArrayList<>();
        endpoints.values().forEach(health -> statuses.add(health.status()));
        statuses.sort(Comparator.comparing(EndpointStatus::endpoint));
        return statuses;
    }

    public RipeStatConfig settings() {
        return settings;
    }

    /** The {@code data} object of a data call; params go into the query in their iteration order. */
    JsonNode fetch(String call, Map<String, String> params) throws SourceUnavailableException {
        return fetch(call, params, data -> data);
    }

    /**
     * A data call's {@code data} as {@code reader} makes it. A {@link Reason#MALFORMED} from the reader is the
     * asked resource's bad answer, not the endpoint's failure: the other resources go on being asked.
     */
    <T> T fetch(String call, Map<String, String> params, DataReader<T> reader) throws SourceUnavailableException {
        EndpointHealth health = endpoint(call);
        health.checkAvailable();
        HttpUrl url = url(call, params);
        String resource = params.getOrDefault("resource", url.encodedQuery());
        JsonNode data;
        try {
            data = withRetries(call, url);
        } catch (GaveUp gaveUp) {
            SourceUnavailableException failure = gaveUp.last.toSourceUnavailable(call, gaveUp.attempts);
            if (gaveUp.last.blamesEndpoint()) {
                health.recordFailure(failure);
            } else if (gaveUp.last.unreadable()) {
                health.recordUnreadable(resource, failure);
            }
            throw failure;
        } catch (InterruptedException e) {
            // shutting down: keep the flag for the caller, and do not hold it against the endpoint
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException(call, Reason.IO_ERROR, "interrupted", e);
        }
        try {
            T read = reader.read(data);
            health.recordSuccess();
            return read;
        } catch (SourceUnavailableException e) {
            if (e.reason() == Reason.MALFORMED) {
                health.recordUnreadable(resource, e);
            } else {
                health.recordSuccess(); // it answered, e.g. with data that is behind: that says nothing of backoff
            }
            throw e;
        }
    }

    /** Makes our own record of a data call's {@code data}; may refuse it. */
    @FunctionalInterface
    interface DataReader<T> {
        T read(JsonNode data) throws SourceUnavailableException;
    }

    private JsonNode withRetries(String call, HttpUrl url) throws GaveUp, InterruptedException {
        Retry.AsyncContext<JsonNode> context = retry.asyncContext();
        for (int attempt = 1; ; attempt++) {
            try {
                JsonNode data = attempt(call, url);
                context.onComplete();
                return data;
            } catch (AttemptException e) {
                long delayMillis = context.onError(e);
                if (delayMillis < 0) {
                    throw new GaveUp(e, attempt);
                }
                LOG.debug("RIPEstat {} attempt {} failed ({}: {}), retrying in {} ms", call, attempt, e.reason(),
                        e.getMessage(), delayMillis);
                sleeper.sleep(Duration.ofMillis(delayMillis));
            }
        }
    }

    private JsonNode attempt(String call, HttpUrl url) throws AttemptException, InterruptedException {
        // the budget counts HTTP requests, retries included, and is taken before queueing for a slot
        // so that a caller waiting for a token does not hold a slot meanwhile
        if (!budget.acquire()) {
            throw AttemptException.budgetExhausted("our own budget of " + settings.requestsPerMinute()
                    + " requests per minute is used up");
        }
        inFlight.acquire();
        try {
            return exchange.execute(call, url);
        } finally {
            inFlight.release();
        }
    }

    private HttpUrl url(String call, Map<String, String> params) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("data").addPathSegment(call)
                .addPathSegment("data.json");
        params.forEach(url::addQueryParameter);
        return url.setQueryParameter("sourceapp", settings.sourceapp()).build();
    }

    private EndpointHealth endpoint(String call) {
        return endpoints.computeIfAbsent(call, name -> new EndpointHealth(name, clock, settings.failureBackoff(),
                settings.failureBackoffMax()));
    }

    private static OkHttpClient.Builder withTimeouts(OkHttpClient.Builder builder, RipeStatConfig settings) {
        return builder.connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout());
    }

    /** The retries are over: the last attempt's failure and how many attempts were made. */
    private static final class GaveUp extends Exception {
        private final AttemptException last;
        private final int attempts;

        GaveUp(AttemptException last, int attempts) {
            super(last);
            this.last = last;
            this.attempts = attempts;
        }
    }
}
