package net.outageherald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A {@link FakeLookingGlass} started on its own ({@code FakeLookingGlass.main}, as {@code bench/rislive-bench.sh}
 * does), reached through its {@code /bench/} calls with the OkHttp the service loads anyway. Only the seed's
 * progress is asked for, every 50 ms until the seed is done; after that the benchmark's JVM calls it once
 * when the stream starts and once for the summary.
 */
final class RemoteLookingGlass implements BenchLookingGlass {

    private final String baseUrl;
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    RemoteLookingGlass(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        stats(); // fails at once when nothing answers there
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void streamStarted(Instant at) {
        get("/bench/stream-started?at=" + at.toEpochMilli());
    }

    @Override
    public int prefixesAnswered() {
        return stats().path("answered").asInt();
    }

    @Override
    public long lookingGlassCalls() {
        return stats().path("lookingGlassCalls").asLong();
    }

    @Override
    public long routingStatusCalls() {
        return stats().path("routingStatusCalls").asLong();
    }

    private JsonNode stats() {
        try {
            return json.readTree(get("/bench/stats"));
        } catch (IOException e) {
            throw new UncheckedIOException("the looking glass at " + baseUrl + " sent unreadable stats", e);
        }
    }

    private String get(String path) {
        Request request = new Request.Builder().url(baseUrl + path).build();
        try (Response r = http.newCall(request).execute(); ResponseBody body = r.body()) {
            if (!r.isSuccessful() || body == null) {
                throw new IllegalStateException(baseUrl + path + " answered " + r.code());
            }
            return body.string();
        } catch (IOException e) {
            throw new UncheckedIOException("the looking glass at " + baseUrl + " does not answer: start"
                    + " FakeLookingGlass first (bench/rislive-bench.sh does)", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
