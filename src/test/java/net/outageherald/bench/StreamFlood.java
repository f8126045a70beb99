package net.outageherald.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Herald's own ceiling, which {@code rislive-replay.js} cannot show on this machine: the replay makes each
 * message (JSON and one socket write) on one core, and runs out of that core at 80,000–100,000 msgs/s while
 * Herald uses half of its own. This server writes a {@link StreamCapture} of the replay's messages again, in a
 * loop, as fast as the consumer reads (TCP flow control is the closed loop), each stamped with the time it
 * is written. The rate counts what was written; what still sat in the sockets' buffers at the end (a few MB)
 * is well under 1 % of a window.
 *
 * <pre>
 * StreamFlood record --from ws://127.0.0.1:7820/v1/ws/ --out capture.bin [--messages 1000000]
 * StreamFlood serve --capture capture.bin --port 7800 [--duration 60] [--warmup 15] [--results results.json]
 * </pre>
 *
 * <p>{@code serve} answers one websocket client: it starts with the client's first text frame (its
 * {@code ris_subscribe}), answers pings, and writes a results file shaped like the replay's, so that
 * {@code bench/rislive-report.js} reads it. With {@code --plan} (the replay's {@code --write-prefixes} file for
 * the outage events recorded in the capture), an outage prefix named in an alert line counts as announced,
 * and a line that names another watched prefix as unexpected. The loop writes each event again on every
 * pass, after the background churn of the pass has announced its prefixes again: they go dark and come back
 * once a pass.
 */
public final class StreamFlood {

    private static final Set<String> OPTIONS = Set.of("from", "out", "messages", "capture", "port",
            "duration", "warmup", "results", "alert-file", "plan", "seed", "monitored", "unmonitored");

    private final StreamCapture capture;
    private final Map<String, String> opts;
    private int closeCode = -1;

    private StreamFlood(StreamCapture capture, Map<String, String> opts) {
        this.capture = capture;
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        boolean known = args.length % 2 == 1;
        for (int i = 1; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            known &= args[i].startsWith("--") && OPTIONS.contains(key);
            o.put(key, args[i + 1]);
        }
        String mode = args.length > 0 ? args[0] : "";
        if (!known) {
            mode = "";
        }
        if (mode.equals("record") && o.containsKey("from") && o.containsKey("out")) {
            int n = Integer.parseInt(o.getOrDefault("messages", "1000000"));
            long t0 = System.nanoTime();
            StreamCapture.record(o.get("from"), Path.of(o.get("out")), n, Duration.ofMinutes(5));
            log("recorded %,d messages from %s in %.1f s", n, o.get("from"), (System.nanoTime() - t0) / 1e9);
        } else if (mode.equals("serve") && o.containsKey("capture")) {
            // loaded before it listens: a connect left waiting in the backlog meanwhile would time out on the
            // client's side and be accepted dead (the client retries every second until the port is open)
            StreamCapture c = StreamCapture.load(Path.of(o.get("capture")));
            log("loaded %,d messages (%,d bytes of frames)", c.size(), c.start(c.size()));
            try (ServerSocket server = new ServerSocket(Integer.parseInt(o.getOrDefault("port", "7800")), 4,
                    InetAddress.getLoopbackAddress())) {
                new StreamFlood(c, o).serve(server);
            }
        } else {
            System.err.println("usage: StreamFlood record --from ws://HOST:PORT/v1/ws/ --out FILE [--messages N]\n"
                    + "       StreamFlood serve --capture FILE --port N [--duration S] [--warmup S] [--results F]"
                    + " [--alert-file F] [--plan monitored.json] [--seed N --monitored N --unmonitored N]");
            System.exit(2);
        }
    }

    private void serve(ServerSocket server) throws IOException, InterruptedException {
        long durationMs = Long.parseLong(opts.getOrDefault("duration", "60")) * 1000;
        long warmupMs = Long.parseLong(opts.getOrDefault("warmup", "15")) * 1000;
        long[] window;
        FloodConnection client;
        int alertsBefore;
        client = FloodConnection.accept(server);
        try (client) {
            log("client connected: %s", client.request());
            if (!client.awaitSubscribe(60)) {
                throw new IOException("the client sent no ris_subscribe within 60 s");
            }
            alertsBefore = alertLines().size();
            window = flood(client, durationMs, warmupMs);
        }
        closeCode = client.closeCode();
        List<String> alerts = alertLines();
        writeResults(window, client.request(), alerts.subList(Math.min(alertsBefore, alerts.size()), alerts.size()));
    }

    /** Writes the capture in a loop until {@code durationMs}; returns {t0, t1, messages, bytes} of the window. */
    private long[] flood(FloodConnection client, long durationMs, long warmupMs) throws IOException {
        byte[] frames = capture.frames();
        long start = System.currentTimeMillis();
        long[] window = null;
        long sent = 0;
        long bytes = 0;
        long lastLog = start;
        long lastSent = 0;
        int i = 0;
        while (!client.closed()) {
            long now = System.currentTimeMillis();
            if (window == null && now - start >= warmupMs) {
                window = new long[] {now, 0, sent, bytes};
            }
            if (now - start >= durationMs) {
                break;
            }
            if (now - lastLog >= 5000) {
                log("t=%.0fs sent=%,d (%,d/s)", (now - start) / 1000.0, sent, (sent - lastSent) * 1000 / (now - lastLog));
                lastLog = now;
                lastSent = sent;
            }
            int j = Math.min(i + 256, capture.size());
            for (int k = i; k < j; k++) {
                capture.stamp(k, now);
            }
            int from = capture.start(i);
            int len = capture.start(j) - from;
            try {
                client.write(frames, from, len);
            } catch (IOException gone) {
                log("the client's connection ended: %s", gone.getMessage());
                break; // what was written until then still counts
            }
            sent += j - i;
            bytes += len;
            i = j == capture.size() ? 0 : j;
        }
        long end = System.currentTimeMillis();
        if (window == null) {
            window = new long[] {start, 0, 0, 0};
        }
        return new long[] {window[0], end, sent - window[2], bytes - window[3]};
    }

    private List<String> alertLines() throws IOException {
        String f = opts.get("alert-file");
        if (f == null || !Files.exists(Path.of(f))) {
            return List.of();
        }
        try (var lines = Files.lines(Path.of(f))) {
            return lines.filter(l -> !l.isBlank()).toList();
        }
    }

    private void writeResults(long[] w, String request, List<String> alerts) throws IOException {
        // the console writes each message on several lines: a line counts for the watched prefixes it names
        BenchUniverse plan = opts.containsKey("plan") ? BenchUniverse.readPlan(Path.of(opts.get("plan"))) : null;
        List<String> outages = plan == null ? List.of() : plan.outages().stream().flatMap(List::stream).toList();
        Set<String> others = plan == null ? new HashSet<>() : new HashSet<>(plan.prefixes());
        outages.forEach(others::remove);
        Set<String> named = new HashSet<>();
        long unexpected = 0;
        for (String line : alerts) {
            List<String> words = List.of(line.split("[\\s,]+"));
            named.addAll(words);
            unexpected += words.stream().anyMatch(others::contains) ? 1 : 0;
        }
        List<String> missed = outages.stream().filter(p -> !named.contains(p)).toList();
        double seconds = (w[1] - w[0]) / 1000.0;
        long rate = Math.round(w[2] / seconds);
        log("window %.1f s: %,d messages, %,d msgs/s, %.1f Mbit/s; outage prefixes announced %d of %d, %d lines"
                        + " naming another watched prefix; client close code %d", seconds, w[2], rate,
                w[3] * 8 / seconds / 1e6, outages.size() - missed.size(), outages.size(), unexpected, closeCode);
        if (!opts.containsKey("results")) {
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("options", Map.of("rate", "flood", "monitored", Integer.parseInt(opts.getOrDefault("monitored", "0")),
                "unmonitored", Integer.parseInt(opts.getOrDefault("unmonitored", "0")), "captureMessages", capture.size()));
        r.put("request", request);
        r.put("measurementWindow", Map.of("tStart", w[0], "tEnd", w[1], "seconds", seconds, "bgMsgsPerSec", rate,
                "mbitPerSec", Math.round(w[3] * 80 / seconds / 1e6) / 10.0));
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", 1);
        client.put("sent", w[2]);
        client.put("maxBuffered", 0);
        client.put("closeCode", closeCode < 0 ? null : closeCode);
        r.put("clients", List.of(client));
        r.put("alerts", Map.of("outagePrefixes", outages.size(), "matchedOutagePrefixes", outages.size() - missed.size(),
                "missed", missed, "unexpectedCount", unexpected));
        r.put("outages", List.of());
        r.put("latencyMs", Map.of());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(opts.get("results")).toFile(), r);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[flood %s] %s%n", Instant.now(), String.format(format, args));
    }
}
