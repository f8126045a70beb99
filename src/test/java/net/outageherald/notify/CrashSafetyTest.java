package net.outageherald.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.outageherald.testing.FakeChatServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivering process is killed with SIGKILL in the middle of a fan-out and restarted on the same
 * SQLite file: every message arrives, and only those in flight at the kill may arrive twice.
 */
class CrashSafetyTest {

    private static final int DESTINATIONS = 300;
    private static final int CONCURRENCY = 4;

    @TempDir
    Path dir;

    @Test
    void restartAfterSigkillDeliversEveryMessageWithDuplicatesOnlyForSendsInFlight() throws Exception {
        Path db = dir.resolve("herald.db");
        try (FakeChatServer chat = new FakeChatServer(15)) {
            // GIVEN a process fanning an outage out to 300 chats through HTTP, 4 sends at a time
            AtomicReference<Process> child = new AtomicReference<>();
            chat.onRequest(n -> {
                // WHEN the 120th request arrives, the process is killed before it hears the answer
                if (n == 120) {
                    child.get().destroyForcibly();
                }
            });
            child.set(launch(db, chat.port(), "fanout", dir.resolve("first.log")));
            assertThat(child.get().waitFor(60, TimeUnit.SECONDS)).as(log("first.log")).isTrue();
            assertThat(child.get().exitValue()).as("killed, not finished").isNotZero();
            int beforeKill = chat.received().size();
            assertThat(beforeKill).as("the kill fell mid-way").isBetween(120, DESTINATIONS - 1);

            // AND it is restarted on the same database
            Process second = launch(db, chat.port(), "resume", dir.resolve("second.log"));
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).as(log("second.log")).isTrue();
            assertThat(second.exitValue()).as(log("second.log")).isZero();

            // THEN every chat got the message at least once
            List<String> received = chat.received();
            Map<String, Integer> perNonce = new HashMap<>();
            received.forEach(body -> perNonce.merge(body, 1, Integer::sum));
            assertThat(perNonce).hasSize(DESTINATIONS);
            // AND the only duplicates are messages whose first copy arrived before the kill, at most one per sender
            List<String> duplicates = new ArrayList<>();
            perNonce.forEach((body, n) -> {
                if (n > 1) {
                    duplicates.add(body);
                }
            });
            System.out.printf("crash test: %d requests before the kill, %d in all, %d duplicates%n", beforeKill,
                    received.size(), duplicates.size());
            assertThat(duplicates).hasSizeLessThanOrEqualTo(CONCURRENCY)
                    .allMatch(body -> received.subList(0, beforeKill).contains(body));
            assertThat(perNonce.values()).allMatch(n -> n <= 2);
        }
    }

    private static Process launch(Path db, int port, String mode, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), db.toString(), String.valueOf(port), mode, String.valueOf(DESTINATIONS),
                String.valueOf(CONCURRENCY))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private String log(String name) {
        try {
            File f = dir.resolve(name).toFile();
            List<String> lines = Files.readAllLines(f.toPath());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}
