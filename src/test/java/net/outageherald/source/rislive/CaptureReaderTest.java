package net.outageherald.source.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.outageherald.model.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureReaderTest {

    private static final String CAPTURE = Samples.read("capture.jsonl") + "\n";

    @Test
    void readsEnvelopesAndBareDataObjectsInOrderAndReportsBadLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("capture.jsonl");
        Files.writeString(file, CAPTURE);

        try (CaptureReader reader = CaptureReader.open(file)) {
            List<RisMessage> messages = reader.stream().toList();

            assertThat(messages).extracting(RisMessage::timestamp).containsExactly(Instant.ofEpochSecond(1_700_000_000),
                    Instant.ofEpochSecond(1_700_000_001, 250_000_000), Instant.ofEpochSecond(1_700_000_003));
            assertThat(((RouteUpdate) messages.get(1)).withdrawn()).containsExactly(Prefix.parse("175.45.176.0/24"));
            assertThat(messages.get(1).collector()).isEqualTo("rrc00");
            assertThat(messages.get(2)).isInstanceOf(PeerState.class);
            assertThat(reader.lines()).isEqualTo(7);
            assertThat(reader.skipped()).as("the pong").isEqualTo(1);
            assertThat(reader.badLineCount()).isEqualTo(2);
            assertThat(reader.badLines()).extracting(CaptureReader.BadLine::line).containsExactly(4L, 5L);
            assertThat(reader.badLines().get(0).reason()).contains("not-a-prefix");
        }
    }

    @Test
    void gzipIsRecognisedByItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("capture.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CAPTURE.getBytes(StandardCharsets.UTF_8));
        }
        Path misnamed = Files.copy(file, dir.resolve("capture.txt"));

        for (Path f : List.of(file, misnamed)) {
            try (CaptureReader reader = CaptureReader.open(f)) {
                assertThat(reader.stream().count()).as(f.toString()).isEqualTo(3);
            }
        }
    }

    @Test
    void anEmptyInputHasNoMessages() throws IOException {
        try (CaptureReader reader = new CaptureReader(new ByteArrayInputStream(new byte[0]), new RisMessageParser())) {
            assertThat(reader.read()).isNull();
            assertThat(reader.lines()).isZero();
        }
    }
}
