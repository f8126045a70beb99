package net.outageherald.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.outageherald.app.App;
import net.outageherald.app.HeraldConfig;

/**
 * Outage Herald wired exactly as in production, but against a fake RIPEstat, an SQLite file in a temporary
 * folder and a clock the test moves. {@link #poll()} advances the clock a minute and runs one poll round.
 */
public final class Harness implements AutoCloseable {

    public static final Instant START = Instant.parse("2014-12-22T15:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final FakeRipeStat ripestat;
    private final Path dir;
    private final String extraYaml;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private App app;

    private final Map<String, String> extraEnv;

    public Harness(Path dir, String watch, String extraYaml) throws IOException {
        this(dir, watch, extraYaml, Map.of());
    }

    /** With more environment, e.g. a chat token and the URL of a fake chat API. */
    public Harness(Path dir, String watch, String extraYaml, Map<String, String> env) throws IOException {
        this.extraEnv = Map.copyOf(env);
        this.dir = dir;
        this.extraYaml = "watch: [" + watch + "]\n" + extraYaml;
        this.ripestat = new FakeRipeStat(clock);
        this.app = start();
    }

    /** Builds the app anew on the same database, as a restart would. */
    public void restart() throws IOException {
        app.close();
        app = start();
    }

    private App start() throws IOException {
        Path file = dir.resolve("herald.yaml");
        Files.writeString(file, extraYaml);
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("HERALD_RIPESTAT_URL", ripestat.baseUrl());
        env.put("HERALD_DB_URL", "jdbc:sqlite:" + dir.resolve("herald.db"));
        // never the real IODA from a test: a closed port unless the test brings its fake
        env.putIfAbsent("HERALD_IODA_URL", "http://127.0.0.1:9/v2");
        env.putIfAbsent("HERALD_CHARTS_DIR", dir.resolve("charts").toString()); // console charts stay in the test's folder
        HeraldConfig config = HeraldConfig.load(file, env);
        return App.build(config, clock, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** The fake RIPEstat shows each of these prefixes to {@code peers} peers from the next poll on. */
    public void seenBy(int peers, String... prefixes) {
        for (String p : prefixes) {
            ripestat.seenBy(p, peers);
        }
    }

    public App app() {
        return app;
    }

    public void poll() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        app.pollJob().run();
        app.notifier().drainOnce(); // deliver what the round put in the outbox, as the workers would
    }

    /** Lets a few seconds pass for the platforms' rate limits (1 message a second per chat) and delivers. */
    public void settle() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            app.notifier().drainOnce();
        }
    }

    public void poll(int times) throws Exception {
        for (int i = 0; i < times; i++) {
            poll();
        }
    }

    /**
     * GETs {@code path} from the app's operations endpoint, starting it on first use; the config must
     * say {@code http: {enabled: true, port: 0}}.
     */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        int port = app.startEndpoint();
        if (port < 0) {
            throw new IllegalStateException("the endpoint is off: add http: {enabled: true, port: 0} to the config");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    public int count(String regex) {
        Matcher m = Pattern.compile(regex).matcher(console());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        app.close();
        ripestat.close();
    }
}
