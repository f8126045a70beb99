package net.outageherald.chat.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Bot API on 127.0.0.1 that answers the way Telegram documents it (https://core.telegram.org/bots/api):
 * {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,"description":…,"parameters":…}},
 * method names matched case-insensitively. Records every call; serves queued updates to getUpdates.
 * Like Telegram, it lists a group's admins to any member ({@code getChatAdministrators}) but tells about
 * another member ({@code getChatMember}) only while the bot is an admin itself, which it is not by default.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:AAF-fake_token_for_tests_0123456789";
    static final String BOT_USERNAME = "HeraldBot";
    static final long BOT_ID = 123456;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as the fake received it: lower-case method name and the JSON body. */
    public record Call(String method, JsonNode body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<byte[]> uploads = new CopyOnWriteArrayList<>();
    private final AtomicInteger fileIds = new AtomicInteger();
    private final java.util.Set<String> knownFiles = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<ObjectNode> updates = new LinkedBlockingQueue<>();
    private final Map<String, Function<JsonNode, MockResponse>> overrides = new ConcurrentHashMap<>();
    private final Map<Long, String> memberStatus = new ConcurrentHashMap<>();
    private volatile boolean botIsAdmin;
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);

    private final AtomicInteger pollsInFlight = new AtomicInteger();
    private final AtomicInteger mostPollsInFlight = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<AtomicBoolean> newestPoll =
            new java.util.concurrent.atomic.AtomicReference<>();

    public FakeBotApi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** The config a front end under test needs: this fake's URL, a short poll, the given token (null: none). */
    TelegramConfig config(String token) {
        return TestTelegramConfig.forApi(url(), token);
    }

    /** Makes {@code method} answer with {@code response} (given the request body) until told otherwise; null: as usual. */
    void on(String method, Function<JsonNode, MockResponse> response) {
        if (response == null) {
            overrides.remove(method.toLowerCase(Locale.ROOT));
        } else {
            overrides.put(method.toLowerCase(Locale.ROOT), response);
        }
    }

    void memberStatus(long userId, String status) {
        memberStatus.put(userId, status);
    }

    /** Whether the bot is an admin of the groups it is in (false: a plain member, as most are). */
    void botIsAdmin(boolean admin) {
        botIsAdmin = admin;
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method.toLowerCase(Locale.ROOT))).toList();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Queues an update for getUpdates; {@code update} is the part beside update_id ({"message": …}). */
    int push(ObjectNode update) {
        int id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        updates.add(update);
        return id;
    }

    static MockResponse ok(JsonNode result) {
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.set("result", result);
        return json(200, body);
    }

    static MockResponse error(int code, String description, String parametersJson) {
        ObjectNode body = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (parametersJson != null) {
            try {
                body.set("parameters", JSON.readTree(parametersJson));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return json(code, body);
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body.toString()).build();
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        List<String> path = request.getUrl().pathSegments();
        if (path.size() != 2 || !path.get(0).startsWith("bot")) {
            return error(404, "Not Found", null);
        }
        String method = path.get(1).toLowerCase(Locale.ROOT);
        JsonNode body = body(request);
        calls.add(new Call(method, body));
        if (!path.get(0).equals("bot" + TOKEN)) {
            return error(401, "Unauthorized", null);
        }
        Function<JsonNode, MockResponse> override = overrides.get(method);
        MockResponse overridden = override == null ? null : override.apply(body);
        if (overridden != null) {
            return overridden; // an override that gives null leaves the call to the fake's usual answer
        }
        return switch (method) {
            case "getme" -> ok(TelegramJson.user(BOT_ID, "Outage Herald", BOT_USERNAME, true));
            case "deletewebhook", "setmycommands", "sendchataction" -> ok(JSON.getNodeFactory().booleanNode(true));
            case "getupdates" -> poll();
            case "sendmessage" -> ok(TelegramJson.sentMessage(nextMessageId.getAndIncrement(), body));
            case "editmessagetext", "editmessagecaption" -> ok(TelegramJson.sentMessage(body.path("message_id").asInt(), body));
            case "sendphoto" -> photo(body);
            case "getchatadministrators" -> ok(administrators());
            case "getchatmember" -> chatMember(body.path("user_id").asLong());
            default -> error(404, "Not Found: method not found", null);
        };
    }

    /**
     * A photo message: an upload ({@code photo=attach://…}) gets a new file id, as Telegram gives one per size; a
     * file id sent again must be one this fake gave.
     */
    private MockResponse photo(JsonNode body) {
        String photo = body.path("photo").asText();
        String fileId;
        if (photo.startsWith("attach://")) {
            fileId = "file-" + fileIds.incrementAndGet();
            knownFiles.add(fileId);
        } else if (knownFiles.contains(photo)) {
            fileId = photo;
        } else {
            return error(400, "Bad Request: wrong file identifier/HTTP URL specified", null);
        }
        ObjectNode m = TelegramJson.sentMessage(nextMessageId.getAndIncrement(), body);
        m.remove("text");
        m.putArray("photo").add(JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("width", 800).put("height", 400));
        return ok(m);
    }

    /** Everyone made creator or administrator, as ChatMember objects. */
    private ArrayNode administrators() {
        ArrayNode admins = JSON.createArrayNode();
        memberStatus.forEach((user, status) -> {
            if (status.equals("administrator") || status.equals("creator")) {
                admins.add(TelegramJson.member(user, status));
            }
        });
        return admins;
    }

    private MockResponse chatMember(long userId) {
        if (userId != BOT_ID && !botIsAdmin) {
            return error(400, "Bad Request: CHAT_ADMIN_REQUIRED", null);
        }
        return ok(TelegramJson.member(userId, memberStatus.getOrDefault(userId, "member")));
    }

    /** The most getUpdates calls that were in flight at once, as this server saw them (an abandoned one counts). */
    public int mostPollsInFlight() {
        return mostPollsInFlight.get();
    }

    /** getUpdates calls ended with 409 Conflict because a newer one came, as Telegram does. */
    public int conflicts() {
        return conflicts.get();
    }

    /**
     * Like Telegram, a getUpdates arriving while another is held ends the older one with 409 Conflict
     * ("terminated by other getUpdates request"): a consumer still waiting on it sees the 409, one that
     * already hung up does not.
     */
    private MockResponse poll() throws InterruptedException {
        AtomicBoolean terminated = new AtomicBoolean();
        AtomicBoolean older = newestPoll.getAndSet(terminated);
        int now = pollsInFlight.incrementAndGet();
        mostPollsInFlight.accumulateAndGet(now, Math::max);
        if (older != null) {
            older.set(true);
        }
        try {
            ArrayNode result = pendingUpdates(terminated);
            if (terminated.get()) {
                conflicts.incrementAndGet();
                return error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot"
                        + " instance is running", null);
            }
            return ok(result);
        } finally {
            pollsInFlight.decrementAndGet();
            newestPoll.compareAndSet(terminated, null);
        }
    }

    /** Long polling: wait a little when there is nothing, or the client's poll loop spins. */
    private ArrayNode pendingUpdates(AtomicBoolean terminated) throws InterruptedException {
        ArrayNode result = JSON.createArrayNode();
        ObjectNode first = null;
        for (int waited = 0; first == null && waited < 200 && !terminated.get(); waited += 10) {
            first = updates.poll(10, TimeUnit.MILLISECONDS);
        }
        if (first != null) {
            result.add(first);
            ObjectNode more;
            while ((more = updates.poll()) != null) {
                result.add(more);
            }
        }
        return result;
    }

    /**
     * The body as JSON: a JSON body as it is, a multipart one (sendPhoto) as its text parts by name, with its
     * files under {@code "_files"}: {@code {"field", "filename", "size", "png"}} each, and their bytes kept.
     */
    private JsonNode body(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("multipart/")) {
            return multipart(request, type);
        }
        try {
            return request.getBody() == null || request.getBody().size() == 0 ? JSON.createObjectNode()
                    : JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparsed", request.getBody().utf8());
        }
    }

    private JsonNode multipart(RecordedRequest request, String type) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode files = out.putArray("_files");
        okhttp3.MediaType media = okhttp3.MediaType.parse(type);
        try (okhttp3.MultipartReader reader = new okhttp3.MultipartReader(
                new okio.Buffer().write(request.getBody().toByteArray()), media.parameter("boundary"))) {
            okhttp3.MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = param(disposition, "name");
                String filename = param(disposition, "filename");
                byte[] bytes = part.body().readByteArray();
                if (filename != null) {
                    files.add(JSON.createObjectNode().put("field", name).put("filename", filename)
                            .put("size", bytes.length).put("png", bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N'
                                    && bytes[3] == 'G'));
                    uploads.add(bytes);
                } else {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    if (text.startsWith("{")) {
                        out.set(name, JSON.readTree(text)); // objects (reply_parameters) go as JSON text
                    } else {
                        out.put(name, text);
                    }
                }
            }
        } catch (IOException e) {
            out.put("unparsed", e.toString());
        }
        return out;
    }

    private static String param(String disposition, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + key + "=\"([^\"]*)\"").matcher(disposition);
        return m.find() ? m.group(1) : null;
    }

    /** The files uploaded so far (sendPhoto's PNGs), in order. */
    List<byte[]> uploads() {
        return List.copyOf(uploads);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
