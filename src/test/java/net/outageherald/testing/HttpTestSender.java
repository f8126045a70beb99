package net.outageherald.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;

/**
 * A real HTTP sender for {@link FakeChatServer}: one POST per delivery, classified like a platform's
 * answers (5xx and I/O errors retry, 429 honours Retry-After, 403 is permanent).
 */
public final class HttpTestSender implements Sender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final Platform platform;

    public HttpTestSender(Platform platform, int port) {
        this.platform = platform;
        this.uri = URI.create("http://127.0.0.1:" + port + "/send");
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult send(Delivery d) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(d.to().id() + " " + d.nonce())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code == 200) {
                return new SendResult.Sent(response.body());
            }
            if (code == 429) {
                long after = response.headers().firstValueAsLong("Retry-After").orElse(1);
                return new SendResult.Retry("HTTP 429", Duration.ofSeconds(after));
            }
            if (code == 403) {
                return new SendResult.Permanent("HTTP 403");
            }
            return new SendResult.Retry("HTTP " + code, null);
        } catch (IOException e) {
            return new SendResult.Retry(e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry("interrupted", null);
        }
    }
}
