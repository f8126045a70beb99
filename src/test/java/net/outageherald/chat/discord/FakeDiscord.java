package net.outageherald.chat.discord;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.outageherald.command.ChatCommands;
import net.outageherald.subscribe.Subscriptions;

/**
 * A fake Discord on 127.0.0.1 for JDA: the REST API under {@code /api/v10/} and the gateway websocket under
 * {@code /gateway}, on one MockWebServer. It records every REST call, answers like Discord (messages,
 * interaction callbacks, follow-ups, command registration) and can be told to fail a call once. Two servers:
 * {@link #GUILD_ID} (an open and a locked channel, an admin and a plain member) and {@link #OTHER_GUILD_ID}.
 * Like Discord, each gateway connection identifies as one shard and gets the servers of that shard only;
 * events go to the connection of their server's shard.
 */
final class FakeDiscord implements AutoCloseable {

    static final String TOKEN = "fake-bot-token";
    static final String BOT_ID = "100000000000000001";
    static final String GUILD_ID = "200000000000000001";
    /** On shard 1 of 2 ({@code (id >> 22) % 2}), where {@link #GUILD_ID} is on shard 0. */
    static final String OTHER_GUILD_ID = "200000000004194305";
    static final String OPEN_CHANNEL = "300000000000000001";
    static final String LOCKED_CHANNEL = "300000000000000002";
    static final String OTHER_CHANNEL = "300000000000000003";
    static final String ADMIN_ROLE = "400000000000000001";
    static final String BOT_ROLE = "400000000000000002";
    static final String ADMIN = "500000000000000001";
    static final String MEMBER = "500000000000000002";

    /** One REST request as Discord would have received it. */
    record Call(String method, String path, String query, JsonNode body) {
        boolean matches(String m, String pathRegex) {
            return method.equals(m) && path.matches(pathRegex);
        }
    }

    private record Stub(String method, String pathRegex, int status, String body, Map<String, String> headers) {
    }

    private static final Pattern API = Pattern.compile("/api/v10/(.*)");
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final FakeDiscordRest rest = new FakeDiscordRest(this);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Stub> stubs = new CopyOnWriteArrayList<>();
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final List<String> gatewayQueries = new CopyOnWriteArrayList<>();
    private final Set<String> sentMessages = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean rejectRest;
    private volatile boolean rejectGateway;
    private final Map<Integer, FakeGateway> gateways = new ConcurrentHashMap<>();
    private volatile int shardTotal = 1;

    FakeDiscord() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/gateway";
    }

    /** A config pointing at this fake, with short timeouts. */
    DiscordConfig config() {
        return TestDiscordConfig.at(apiUrl(), gatewayUrl(), TOKEN);
    }

    /** As {@link #config()}, running the shards {@code shards} ({@code total/ids}, e.g. {@code 2/1}). */
    DiscordConfig config(String shards) {
        return TestDiscordConfig.at(apiUrl(), gatewayUrl(), TOKEN, shards);
    }

    /** A started bot connected to this fake, its commands registered. */
    DiscordFrontEnd startBot(ChatCommands commands, Subscriptions subscriptions) {
        return startBot(commands, subscriptions, Clock.systemUTC());
    }

    /** As {@link #startBot(ChatCommands, Subscriptions)}, on a clock the test moves (the command rate limit follows it). */
    DiscordFrontEnd startBot(ChatCommands commands, Subscriptions subscriptions, Clock clock) {
        DiscordFrontEnd bot = new DiscordFrontEnd(config(), commands, subscriptions, clock);
        bot.start();
        awaitCall("PUT", "applications/" + BOT_ID + "/commands");
        return bot;
    }

    /** GET users/@me answers 401 from now on. */
    void rejectTokenOnRest() {
        rejectRest = true;
    }

    /** IDENTIFY is closed with 4004 from now on. */
    void rejectTokenOnGateway() {
        rejectGateway = true;
    }

    // ---- gateway ----

    /** Sends an event on the connection of the shard its server is on (its {@code guild_id}, else its {@code id}). */
    void dispatch(String type, Object data) {
        int shard = shardOf(guildOf(data));
        await().atMost(Duration.ofSeconds(10)).until(() -> gateways.get(shard) != null);
        gateways.get(shard).dispatch(type, data);
    }

    /** The shards connected now, by id. */
    Set<Integer> connectedShards() {
        return Set.copyOf(gateways.keySet());
    }

    int shardOf(String guildId) {
        return (int) ((Long.parseLong(guildId) >>> 22) % shardTotal);
    }

    private static String guildOf(Object data) {
        Map<?, ?> event = (Map<?, ?>) data;
        Object guild = event.get("guild_id") != null ? event.get("guild_id") : event.get("id");
        return String.valueOf(guild);
    }

    List<JsonNode> identifies() {
        return identifies;
    }

    /** The query of each gateway connection ("encoding=json&v=10&compress=zlib-stream"). */
    List<String> gatewayQueries() {
        return gatewayQueries;
    }

    /** Sends a slash command from {@code userId} in {@code channelId}; returns the interaction id. */
    String slash(String userId, String channelId, String command, Map<String, Object> options) {
        return interact(FakeInteractions.slash(nextId(), userId, channelId, command, options));
    }

    /** Sends an autocomplete for the target option of {@code command}; returns the interaction id. */
    String autocomplete(String userId, String channelId, String command, String partial) {
        return interact(FakeInteractions.autocomplete(nextId(), userId, channelId, command, partial));
    }

    /** As {@link #autocomplete(String, String, String, String)}, with the channel option set to {@code channelOption}. */
    String autocomplete(String userId, String channelId, String command, String partial, String channelOption) {
        return interact(FakeInteractions.autocomplete(nextId(), userId, channelId, command, partial, channelOption));
    }

    private String interact(Map<String, Object> interaction) {
        dispatch("INTERACTION_CREATE", interaction);
        return (String) interaction.get("id");
    }

    // ---- REST ----

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method, String pathRegex) {
        return calls.stream().filter(c -> c.matches(method, pathRegex)).toList();
    }

    /** Waits for the first call matching method and path (regex, relative to the API base). */
    Call awaitCall(String method, String pathRegex) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> calls(method, pathRegex), l -> !l.isEmpty()).get(0);
    }

    void clearCalls() {
        calls.clear();
    }

    /** The next call matching method and path gets this answer instead of the usual one. */
    void failNext(String method, String pathRegex, int status, Object body) {
        failNext(method, pathRegex, status, body, Map.of());
    }

    void failNext(String method, String pathRegex, int status, Object body, Map<String, String> headers) {
        stubs.add(new Stub(method, pathRegex, status, write(body), headers));
    }

    /** A message id the fake knows, as if the bot had posted it earlier. */
    String existingMessage() {
        String id = nextId();
        sentMessages.add(id);
        return id;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- for FakeGateway and FakeDiscordRest ----

    boolean acceptsToken(String token) {
        return !rejectGateway && TOKEN.equals(token);
    }

    boolean acceptsAuthorization(String header) {
        return !rejectRest && ("Bot " + TOKEN).equals(header);
    }

    void identified(JsonNode identify) {
        identifies.add(identify);
    }

    void connected(FakeGateway g, int shard, int total) {
        shardTotal = total;
        gateways.put(shard, g);
    }

    void disconnected(FakeGateway g) {
        gateways.values().remove(g);
    }

    /** The servers Discord puts on shard {@code shard} of {@code total}. */
    List<Map<String, Object>> guilds(int shard, int total) {
        return FakeGuilds.all().stream()
                .filter(g -> (Long.parseLong((String) g.get("id")) >>> 22) % total == shard).toList();
    }

    Map<String, Object> botUser() {
        return FakeGuilds.bot();
    }

    /** A snowflake made now: JDA reads an interaction's age from its id and refuses follow-ups after 15 min. */
    String nextId() {
        long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(ids.updateAndGet(last -> Math.max(last + 1, now)));
    }

    Set<String> sentMessages() {
        return sentMessages;
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/gateway")) {
            gatewayQueries.add(request.getUrl().encodedQuery());
            boolean zlib = "zlib-stream".equals(request.getUrl().queryParameter("compress"));
            return new MockResponse.Builder().webSocketUpgrade(new FakeGateway(json, this, zlib)).build();
        }
        Matcher api = API.matcher(path);
        if (!api.matches()) {
            return FakeDiscordRest.error(404, 0, "404: Not Found");
        }
        Call call = new Call(request.getMethod(), api.group(1), request.getUrl().encodedQuery(), parse(request));
        calls.add(call);
        for (Stub stub : stubs) {
            if (call.matches(stub.method(), stub.pathRegex()) && stubs.remove(stub)) {
                MockResponse.Builder answer = new MockResponse.Builder().code(stub.status())
                        .setHeader("Content-Type", "application/json").body(stub.body());
                stub.headers().forEach(answer::setHeader);
                return answer.build();
            }
        }
        return rest.answer(call, request.getHeaders().get("Authorization"));
    }

    private JsonNode parse(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return MissingNode.getInstance();
        }
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("multipart/")) {
            return multipart(request, type);
        }
        try {
            return json.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * A message with files, as JDA sends it: {@code payload_json} is the body, and each file is listed under
     * {@code "_files"} with its part name, file name, size and whether it is a PNG.
     */
    private JsonNode multipart(RecordedRequest request, String type) {
        com.fasterxml.jackson.databind.node.ObjectNode out = json.createObjectNode();
        List<Map<String, Object>> files = new ArrayList<>();
        try (okhttp3.MultipartReader reader = new okhttp3.MultipartReader(
                new okio.Buffer().write(request.getBody().toByteArray()),
                okhttp3.MediaType.parse(type).parameter("boundary"))) {
            okhttp3.MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = String.valueOf(part.headers().get("Content-Disposition"));
                Matcher name = Pattern.compile("\\bname=\"([^\"]*)\"").matcher(disposition);
                Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(disposition);
                byte[] bytes = part.body().readByteArray();
                if (file.find()) {
                    files.add(Map.of("field", name.find() ? name.group(1) : "", "filename", file.group(1),
                            "size", bytes.length, "png", bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N'));
                } else if (name.find() && name.group(1).equals("payload_json")) {
                    out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(bytes));
                }
            }
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
        out.set("_files", json.valueToTree(files));
        return out;
    }

    String write(Object body) {
        try {
            return body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> toMap(JsonNode node) {
        return json.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }
}
