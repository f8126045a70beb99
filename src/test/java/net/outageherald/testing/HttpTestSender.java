package net.outageherald.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.outageherald.model.Delivery;
import net.outageherald.model.Platform;
import net.outageherald.outbox.SendResult;
import net.outageherald.outbox.Sender;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A real HTTP sender for {@link FakeChatServer}: one POST per delivery, classified like a platform's
 * answers (5xx and I/O errors retry, 429 honours Retry-After, 403 is permanent). It runs on OkHttp, as the
 * real senders do, with a pool that keeps a connection for each send in flight (OkHttp's default keeps 5, so
 * a ninth concurrent send would open and close a connection each time).
 */
public final class HttpTestSender implements Sender {

    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .connectionPool(new ConnectionPool(300, 1, TimeUnit.MINUTES))
            .build();
    private final String url;
    private final Platform platform;

    public HttpTestSender(Platform platform, int port) {
        this.platform = platform;
        this.url = "http://127.0.0.1:" + port + "/send";
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult send(Delivery d) {
        Request request = new Request.Builder().url(url)
                .post(RequestBody.create(d.to().id() + " " + d.nonce(), TEXT)).build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code == 200) {
                ResponseBody body = response.body();
                return new SendResult.Sent(body == null ? "" : body.string());
            }
            if (code == 429) {
                String after = response.header("Retry-After", "1");
                return new SendResult.Retry("HTTP 429", Duration.ofSeconds(Long.parseLong(after.trim())));
            }
            if (code == 403) {
                return new SendResult.Permanent("HTTP 403");
            }
            return new SendResult.Retry("HTTP " + code, null);
        } catch (IOException e) {
            return new SendResult.Retry(e.toString(), null);
        }
    }
}
