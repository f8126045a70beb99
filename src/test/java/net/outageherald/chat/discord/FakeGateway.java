package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.DiscordJson.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One gateway connection of {@link FakeDiscord}: HELLO (op 10), heartbeat ACKs (op 1 → op 11), IDENTIFY
 * (op 2) answered with READY and one GUILD_CREATE per guild of the identifying shard, or closed with 4004 for a
 * bad token. With
 * {@code compress=zlib-stream} every payload goes through one Deflater for the connection, SYNC_FLUSHed.
 */
final class FakeGateway extends WebSocketListener {

    private final ObjectMapper json;
    private final FakeDiscord discord;
    private final Deflater deflater;
    private WebSocket socket;
    private int sequence;

    FakeGateway(ObjectMapper json, FakeDiscord discord, boolean zlib) {
        this.json = json;
        this.discord = discord;
        this.deflater = zlib ? new Deflater() : null;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        this.socket = webSocket;
        send(obj("op", 10, "d", obj("heartbeat_interval", 41250), "s", null, "t", null));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        JsonNode payload = read(text);
        switch (payload.path("op").asInt(-1)) {
            case 1 -> send(obj("op", 11, "d", null, "s", null, "t", null));
            case 2 -> identify(payload.path("d"));
            case 6 -> send(obj("op", 9, "d", false, "s", null, "t", null)); // no resuming: start over
            default -> { }
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(code, reason); // echo the close frame, as Discord does
        discord.disconnected(this);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        discord.disconnected(this);
    }

    private void identify(JsonNode identify) {
        discord.identified(identify);
        if (!discord.acceptsToken(identify.path("token").asText())) {
            socket.close(4004, "Authentication failed.");
            return;
        }
        JsonNode shard = identify.path("shard"); // [id, total]; absent for an unsharded client
        int shardId = shard.path(0).asInt(0);
        int total = shard.path(1).asInt(1);
        List<Map<String, Object>> guilds = discord.guilds(shardId, total);
        dispatch("READY", obj("v", 10, "user", discord.botUser(), "guilds",
                guilds.stream().map(g -> obj("id", g.get("id"), "unavailable", true)).toList(),
                "session_id", "session-" + System.nanoTime(), "resume_gateway_url", discord.gatewayUrl(),
                "private_channels", List.of(), "relationships", List.of(), "presences", List.of(),
                "user_settings", obj(), "guild_join_requests", List.of(), "geo_ordered_rtc_regions", List.of(),
                "application", obj("id", FakeDiscord.BOT_ID, "flags", 0), "shard", List.of(shardId, total)));
        guilds.forEach(g -> dispatch("GUILD_CREATE", g));
        discord.connected(this, shardId, total);
    }

    synchronized void dispatch(String type, Object data) {
        send(obj("op", 0, "s", ++sequence, "t", type, "d", data));
    }

    void close(int code, String reason) {
        socket.close(code, reason);
    }

    private synchronized void send(Object payload) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (deflater == null) {
            socket.send(new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        deflater.setInput(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        socket.send(ByteString.of(out.toByteArray()));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
