package net.outageherald.chat.discord;

import static net.outageherald.chat.discord.DiscordJson.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * The REST half of {@link FakeDiscord}: answers the routes JDA uses the way Discord documents them, including
 * its JSON errors ({@code {"message": "Unknown Channel", "code": 10003}}).
 */
final class FakeDiscordRest {

    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern FOLLOWUP = Pattern.compile("webhooks/(\\d+)/([^/]+)");
    private static final Pattern ORIGINAL = Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern COMMANDS = Pattern.compile("applications/(\\d+)/commands");

    private final FakeDiscord discord;

    FakeDiscordRest(FakeDiscord discord) {
        this.discord = discord;
    }

    MockResponse answer(FakeDiscord.Call call, String authorization) {
        String path = call.path();
        boolean interactionRoute = path.startsWith("interactions/") || path.startsWith("webhooks/");
        if (!interactionRoute && !discord.acceptsAuthorization(authorization)) {
            return error(401, 0, "401: Unauthorized");
        }
        Matcher m;
        if (call.matches("GET", "users/@me")) {
            return ok(discord.botUser());
        }
        if (call.matches("GET", "gateway/bot")) { // a large bot's limit: every shard may identify at once
            return ok(obj("url", discord.gatewayUrl(), "shards", 1, "session_start_limit",
                    obj("total", 1000, "remaining", 999, "reset_after", 0, "max_concurrency", 16)));
        }
        if (call.method().equals("PUT") && (m = COMMANDS.matcher(path)).matches()) {
            return ok(registered(call.body(), m.group(1)));
        }
        if (call.method().equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
            return ok(obj("interaction", obj("id", m.group(1), "type", 2, "activity_instance_id", null,
                    "response_message_id", null, "response_message_loading", false,
                    "response_message_ephemeral", false)));
        }
        if ((m = ORIGINAL.matcher(path)).matches()) {
            return call.method().equals("DELETE") ? noContent() : ok(message(FakeDiscord.OPEN_CHANNEL, call.body()));
        }
        if (call.method().equals("POST") && (m = FOLLOWUP.matcher(path)).matches()) {
            return ok(message(FakeDiscord.OPEN_CHANNEL, call.body()));
        }
        if (call.method().equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
            return postMessage(m.group(1), call.body());
        }
        if (call.method().equals("PATCH") && (m = CHANNEL_MESSAGE.matcher(path)).matches()) {
            return discord.sentMessages().contains(m.group(2))
                    ? ok(DiscordJson.message(m.group(2), m.group(1), discord.botUser(), discord.toMap(call.body())))
                    : error(404, 10008, "Unknown Message");
        }
        return error(404, 0, "404: Not Found");
    }

    private MockResponse postMessage(String channelId, JsonNode body) {
        if (FakeGuilds.channel(channelId).get("name").toString().startsWith("unknown-")) {
            return error(404, 10003, "Unknown Channel");
        }
        JsonNode ref = body.path("message_reference");
        if (!ref.isMissingNode() && !discord.sentMessages().contains(ref.path("message_id").asText())
                && ref.path("fail_if_not_exists").asBoolean(true)) {
            return error(400, 50035, "Invalid Form Body"); // Discord: MESSAGE_REFERENCE_UNKNOWN_MESSAGE
        }
        Map<String, Object> message = message(channelId, body);
        discord.sentMessages().add((String) message.get("id"));
        return ok(message);
    }

    private Map<String, Object> message(String channelId, JsonNode body) {
        return DiscordJson.message(discord.nextId(), channelId, discord.botUser(), discord.toMap(body));
    }

    private List<Map<String, Object>> registered(JsonNode commands, String applicationId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode c : commands) {
            Map<String, Object> command = discord.toMap(c);
            command.put("id", discord.nextId());
            command.put("application_id", applicationId);
            command.put("version", discord.nextId());
            out.add(command);
        }
        return out;
    }

    private MockResponse ok(Object body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(discord.write(body)).build();
    }

    private static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    static MockResponse error(int status, int code, String message) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body("{\"message\": \"" + message + "\", \"code\": " + code + "}").build();
    }
}
