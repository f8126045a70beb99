package net.outageherald.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import net.outageherald.model.Target;
import net.outageherald.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Cloudflare outage of 21 June 2022 (RIPE NCC RIS, three peers, 1,436 prefixes of AS13335) through
 * {@code replay}: the peers' tables at 06:00 as announcements, then every real update to 08:00. It runs where
 * {@code ../shared/realdata} is beside the checkout, and is skipped elsewhere.
 */
class CloudflareReplayContractTest {

    private static final Map<String, String> COLLECTOR = Map.of("195.66.227.163", "rrc01", "195.66.224.138", "rrc01",
            "130.117.255.1", "rrc25");
    private static final Map<String, String> PEER_ASN = Map.of("195.66.227.163", "1299", "195.66.224.138", "2914",
            "130.117.255.1", "174");

    @TempDir
    Path dir;

    @Test
    void aPartialOutageIsToldOnceThenItsRestorationAndTheAnycastPrefixesNeverGoDark() throws Exception {
        Path data = SharedData.require("realdata/cloudflare-2022-06-21");
        Path capture = dir.resolve("cloudflare.jsonl");
        writeCapture(data, capture);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Replay.Summary s = new Replay(HeraldConfig.defaults(), List.of(new Target.As(13335)), 0,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(capture, Files.createDirectory(dir.resolve("scratch")));

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(s.messages()).isEqualTo(4306 + 10726);
        // the withdrawals at about 06:29 make a partial outage: a quarter of the prefixes, never the whole AS
        assertThat(out).contains("🟠 AS13335 is partly offline", "Since: 21 Jun 06:2")
                .doesNotContain("fully offline");
        assertThat(out).containsPattern("[23]\\d\\d of 1,43\\d prefixes");
        // most pairs are back by 07:10 (the median restoration), the last at 07:40
        assertThat(out).containsPattern("🟢 AS13335 is back online after (\\d\\d min|1 h)");
        assertThat(out.split("partly offline", -1)).hasSize(2);
        for (String anycast : List.of("1.1.1.0/24", "1.0.0.0/24", "104.16.0.0/12")) {
            assertThat(out).doesNotContain(anycast + ",").doesNotContain(anycast + " ");
        }
    }

    /** The tables at 06:00 (idx 0 of the extract) as RIS Live announcements, then the derived update stream. */
    private static void writeCapture(Path data, Path capture) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(capture, StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(data.resolve(
                    "as13335.2022-06-21.peers-t1set3.init+updates.exact-match.jsonf"))) {
                JsonNode e = json.readTree(line);
                if (e.path("idx").asInt(-1) != 0) {
                    continue;
                }
                String peer = e.path("peer_ip").asText();
                StringBuilder path = new StringBuilder();
                e.path("path").forEach(a -> path.append(path.length() == 0 ? "" : ",").append(a.asText()));
                w.write("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1655791200.0,\"peer\":\"" + peer
                        + "\",\"peer_asn\":\"" + PEER_ASN.get(peer) + "\",\"id\":\"rib\",\"host\":\""
                        + COLLECTOR.get(peer) + "\",\"type\":\"UPDATE\",\"path\":[" + path + "],\"origin\":\"IGP\","
                        + "\"announcements\":[{\"next_hop\":\"" + peer + "\",\"prefixes\":[\"" + e.path("pfx").asText()
                        + "\"]}]}}\n");
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve("DERIVED-rislive-replay.jsonl.gz")))) {
                w.write(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
