package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay FILE} on a small capture written here: North Korea's four /24s, twelve peers, one outage. */
class ReplayCommandTest {

    private static final String KP = "\"175.45.176.0/24\",\"175.45.177.0/24\",\"175.45.178.0/24\",\"175.45.179.0/24\"";
    private static final double T0 = 1419264000.0; // 2014-12-22T16:00:00Z

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsTheOutageAndTheRestorationWithTheCapturesTimes() throws Exception {
        // GIVEN twelve peers announcing the /24s at 16:00, withdrawing them at 16:15, announcing them at 01:46,
        // each peer 2 s after the one before, as BGP spreads them (each peer's word is a round of new data, and
        // the last three withdrawals, once the prefixes are dark, are confirm-after's three)
        // (the announcement, its resolved edit and the restoration are the three messages; dark from the tenth
        // withdrawal at 16:15:20, visible again from the sixth announcement at 01:46:12)
        Path capture = capture(List.of(0.0, 900.0, 35_160.0), List.of("A", "W", "A"));
        Path config = Files.writeString(dir.resolve("herald.yaml"), "watch: [AS131279]\n");

        // WHEN it is replayed as fast as it can
        int code = replay(capture.toString(), "--config", config.toString());

        // THEN the outage and the restoration come out, dated on the capture's clock
        assertThat(code).isZero();
        assertThat(out.toString()).contains("AS131279 is offline", "Since: 22 Dec 16:15 UTC",
                "AS131279 is back online after 9 h 30 min", "replayed 36 messages", "3 messages would have been sent");
    }

    @Test
    void badInputGetsAClearErrorAndExitCodeTwo() throws Exception {
        Path capture = capture(List.of(0.0), List.of("A"));
        assertThat(replay(capture.toString(), "--watch", "KP")).isEqualTo(2);
        assertThat(err.toString()).contains("KP is a country", "watch its ASes or prefixes instead");
        assertThat(replay(capture.toString(), "--watch", "AS1", "--speed", "fast")).isEqualTo(2);
        assertThat(err.toString()).contains("--speed 'fast' is not a speed");
        assertThat(replay(capture.toString(), "--watch", "AS1", "--speed", "-5")).isEqualTo(2);
        assertThat(replay(capture.toString(), "--watch", "AS1", "--speed", "0")).isEqualTo(2);
        // a gzip cut short names the file and what to do
        Path cut = dir.resolve("cut.jsonl.gz");
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(cut))) {
            gz.write(Files.readAllBytes(capture));
        }
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(replay(cut.toString(), "--watch", "AS1")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read " + cut, "record it again");
        assertThat(replay(dir.resolve("missing.jsonl").toString(), "--watch", "AS1")).isEqualTo(2);
        assertThat(err.toString()).contains("is not a file");
        assertThat(out.toString()).isEmpty();
    }

    private int replay(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** For each (offset, A or W), one message per peer for all four /24s. */
    private Path capture(List<Double> offsets, List<String> kinds) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            for (int peer = 1; peer <= 12; peer++) {
                String ts = String.format(Locale.ROOT, "%.3f", T0 + offsets.get(i) + peer * 2.0);
                String head = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":" + ts + ",\"peer\":\"192.0.2." + peer
                        + "\",\"peer_asn\":\"6460" + peer + "\",\"id\":\"x\",\"host\":\"rrc00.ripe.net\",\"type\":\"UPDATE\",";
                lines.add(head + (kinds.get(i).equals("A")
                        ? "\"path\":[6460" + peer + ",4837,131279],\"origin\":\"IGP\",\"announcements\":[{\"next_hop\":"
                                + "\"192.0.2." + peer + "\",\"prefixes\":[" + KP + "]}]}}"
                        : "\"path\":[],\"community\":[],\"announcements\":[],\"withdrawals\":[" + KP + "]}}"));
            }
        }
        return Files.write(dir.resolve("capture.jsonl"), lines);
    }
}
