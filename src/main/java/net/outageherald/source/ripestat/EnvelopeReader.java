package net.outageherald.source.ripestat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the RIPEstat envelope ({@code status}, {@code status_code}, {@code data}, {@code messages}) and hands
 * out {@code data}. Reads a tree rather than binding classes, so fields RIPEstat adds without notice (as it did
 * with {@code pipeline}) cannot break us.
 */
final class EnvelopeReader {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeReader.class);

    // a truncated or padded body is garbage even if it starts with a valid object
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Data calls whose warnings were logged at WARN already; later ones go to DEBUG. */
    private final Set<String> warnedCalls = ConcurrentHashMap.newKeySet();

    /** The {@code data} object of a successful answer. */
    JsonNode data(String call, byte[] body) throws AttemptException {
        JsonNode root = parse(body);
        String status = RipeStatJson.text(root, "status");
        JsonNode statusCode = root.path("status_code");
        JsonNode data = root.get("data");
        String messages = messagesText(root);
        if (!"ok".equals(status) || !statusCode.isIntegralNumber() || statusCode.intValue() != 200) {
            String detail = "RIPEstat answered status " + status + ", status_code " + statusCode
                    + (messages.isEmpty() ? "" : ": " + messages);
            int code = statusCode.isIntegralNumber() ? statusCode.intValue() : 0;
            if (code >= 400 && code < 500 && code != 429) {
                throw AttemptException.rejected(Reason.ERROR_ENVELOPE, detail);
            }
            throw AttemptException.badAnswer(Reason.ERROR_ENVELOPE, detail, null);
        }
        if (data == null || !data.isObject()) {
            throw AttemptException.badAnswer(Reason.ERROR_ENVELOPE,
                    "RIPEstat answered without a data object" + (messages.isEmpty() ? "" : ": " + messages), null);
        }
        logWarnings(call, root);
        return data;
    }

    /** The messages of an error answer (e.g. the body of a 400), when it is an envelope at all. */
    Optional<String> errorMessages(byte[] body) {
        try {
            String text = messagesText(parse(body));
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (AttemptException notAnEnvelope) {
            return Optional.empty();
        }
    }

    private JsonNode parse(byte[] body) throws AttemptException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw AttemptException.unreadable(Reason.MALFORMED, "answer is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw AttemptException.unreadable(Reason.MALFORMED, "answer is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw AttemptException.unreadable(Reason.MALFORMED, "answer is not a JSON object", null);
        }
        return root;
    }

    /** {@code messages} is {@code [[level, text], ...]}; joined as "level: text; level: text". */
    private static String messagesText(JsonNode root) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : root.path("messages")) {
            if (message.isArray() && message.size() >= 2) {
                texts.add(message.get(0).asText() + ": " + message.get(1).asText());
            } else if (message.isTextual()) {
                texts.add(message.textValue());
            }
        }
        return String.join("; ", texts);
    }

    private void logWarnings(String call, JsonNode root) {
        List<String> warnings = new ArrayList<>();
        for (JsonNode message : root.path("messages")) {
            String level = message.path(0).asText("");
            if (level.equals("warning") || level.equals("error")) {
                warnings.add(message.path(1).asText(""));
            }
        }
        if (warnings.isEmpty()) {
            return;
        }
        // RIPEstat repeats the same warning on every call (with the time in it): say it once per data call
        if (warnedCalls.add(call)) {
            LOG.warn("RIPEstat {} warns: {} (later warnings of this call are logged at DEBUG)", call,
                    String.join("; ", warnings));
        } else {
            LOG.debug("RIPEstat {} warns: {}", call, String.join("; ", warnings));
        }
    }
}
