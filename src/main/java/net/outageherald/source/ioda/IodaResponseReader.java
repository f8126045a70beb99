package net.outageherald.source.ioda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.source.SourceUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns IODA answers into our records. Checks the envelope ({@code type}, {@code error}, {@code data},
 * {@code copyright}) and reads a tree rather than binding classes, so that fields IODA adds (or the
 * {@code metadata}, {@code perf} and {@code requestParameters} it sends) cannot break us. Anything that is not
 * the documented shape is {@link Reason#MALFORMED}: a broken answer is "unknown", never "no signal".
 */
final class IodaResponseReader {

    static final String SIGNALS = "signals";
    static final String ALERTS = "outages.alerts";

    private static final Logger LOG = LoggerFactory.getLogger(IodaResponseReader.class);

    // a truncated or padded body is garbage even if it starts with a valid object
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What an answer held besides its data: IODA's copyright notice, which we credit. */
    record Envelope(JsonNode data, Optional<String> copyright) {
    }

    /** The series of a {@code /signals/raw} answer; series of entity types or signals we do not know are left out. */
    List<IodaSignal> signals(String endpoint, Envelope envelope) throws SourceUnavailableException {
        List<IodaSignal> out = new ArrayList<>();
        // data is one array per entity of that entity's series; a flat array of series is read the same way
        for (JsonNode group : envelope.data()) {
            if (group.isArray()) {
                for (JsonNode series : group) {
                    signal(endpoint, series).ifPresent(out::add);
                }
            } else {
                signal(endpoint, group).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The alerts of an {@code /outages/alerts} answer; alerts of entity types or levels we do not know are left out. */
    List<IodaAlert> alerts(String endpoint, Envelope envelope) throws SourceUnavailableException {
        List<IodaAlert> out = new ArrayList<>();
        for (JsonNode item : envelope.data()) {
            alert(endpoint, item).ifPresent(out::add);
        }
        return out;
    }

    Envelope envelope(String endpoint, byte[] body, String expectedType) throws SourceUnavailableException {
        JsonNode root = parse(endpoint, body);
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            String text = error.isTextual() ? error.textValue() : error.toString();
            throw new SourceUnavailableException(endpoint, Reason.ERROR_ENVELOPE, "IODA answered with an error: " + text);
        }
        JsonNode type = root.get("type");
        if (type != null && !type.isNull() && !expectedType.equals(type.asText())) {
            throw new SourceUnavailableException(endpoint, Reason.MALFORMED,
                    "IODA answered type '" + type.asText() + "', expected '" + expectedType + "'");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new SourceUnavailableException(endpoint, Reason.MALFORMED, "IODA answered without a data array");
        }
        JsonNode copyright = root.get("copyright");
        return new Envelope(data, copyright != null && copyright.isTextual() && !copyright.textValue().isBlank()
                ? Optional.of(copyright.textValue().strip()) : Optional.empty());
    }

    /** The error text of a non-2xx answer when it is an IODA envelope (a 400 names the bad parameter). */
    Optional<String> errorText(byte[] body) {
        try {
            JsonNode error = mapper.readTree(body).path("error");
            return error.isTextual() && !error.textValue().isBlank() ? Optional.of(error.textValue()) : Optional.empty();
        } catch (IOException | RuntimeException notAnEnvelope) {
            return Optional.empty();
        }
    }

    private Optional<IodaSignal> signal(String endpoint, JsonNode s) throws SourceUnavailableException {
        if (!s.isObject()) {
            throw malformed(endpoint, "a series is not an object: " + shorten(s));
        }
        Optional<IodaEntity.Type> type = IodaEntity.Type.fromWire(s.path("entityType").asText(""));
        Optional<IodaDatasource> datasource = IodaDatasource.fromWire(s.path("datasource").asText(""));
        if (type.isEmpty() || datasource.isEmpty()) {
            // e.g. a region, or a signal IODA added: not an error, just nothing we read
            LOG.debug("IODA {}: skipping a {} series of a {}", endpoint, s.path("datasource").asText("?"),
                    s.path("entityType").asText("?"));
            return Optional.empty();
        }
        IodaEntity entity = entity(endpoint, type.get(), s.path("entityCode").asText(""));
        long from = whole(endpoint, s, "from");
        long step = whole(endpoint, s, "step");
        if (step <= 0) {
            throw malformed(endpoint, entity.path() + " " + datasource.get().wireName() + ": step must be positive, was " + step);
        }
        JsonNode values = s.get("values");
        if (values == null || !values.isArray()) {
            throw malformed(endpoint, entity.path() + " " + datasource.get().wireName() + ": no values array");
        }
        List<Double> list = new ArrayList<>(values.size());
        for (JsonNode v : values) {
            if (v.isNull()) {
                list.add(null);
            } else if (v.isNumber()) {
                list.add(v.doubleValue());
            } else {
                throw malformed(endpoint, entity.path() + " " + datasource.get().wireName() + ": a value is " + shorten(v));
            }
        }
        return Optional.of(new IodaSignal(entity, s.path("entityName").asText(""), datasource.get(),
                Instant.ofEpochSecond(from), Duration.ofSeconds(step), list));
    }

    private Optional<IodaAlert> alert(String endpoint, JsonNode a) throws SourceUnavailableException {
        if (!a.isObject()) {
            throw malformed(endpoint, "an alert is not an object: " + shorten(a));
        }
        JsonNode e = a.path("entity");
        Optional<IodaEntity.Type> type = IodaEntity.Type.fromWire(e.path("type").asText(""));
        Optional<IodaAlert.Level> level = IodaAlert.Level.fromWire(a.path("level").asText(""));
        if (type.isEmpty() || level.isEmpty()) {
            LOG.debug("IODA {}: skipping a {} alert of a {}", endpoint, a.path("level").asText("?"),
                    e.path("type").asText("?"));
            return Optional.empty();
        }
        String datasource = a.path("datasource").asText("");
        if (datasource.isBlank()) {
            throw malformed(endpoint, "an alert names no datasource");
        }
        return Optional.of(new IodaAlert(datasource, entity(endpoint, type.get(), e.path("code").asText("")),
                e.path("name").asText(""), Instant.ofEpochSecond(whole(endpoint, a, "time")), level.get(),
                a.path("condition").asText(""), number(a.get("value")), number(a.get("historyValue")),
                a.path("method").asText("")));
    }

    private JsonNode parse(String endpoint, byte[] body) throws SourceUnavailableException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SourceUnavailableException(endpoint, Reason.MALFORMED, "answer is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourceUnavailableException(endpoint, Reason.MALFORMED, "answer is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(endpoint, "answer is not a JSON object");
        }
        return root;
    }

    private static IodaEntity entity(String endpoint, IodaEntity.Type type, String code) throws SourceUnavailableException {
        try {
            return new IodaEntity(type, code);
        } catch (IllegalArgumentException e) {
            throw malformed(endpoint, e.getMessage());
        }
    }

    private static long whole(String endpoint, JsonNode parent, String field) throws SourceUnavailableException {
        JsonNode v = parent.get(field);
        if (v == null || !v.isNumber() || !v.canConvertToLong() || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw malformed(endpoint, "'" + field + "' is not a whole number: " + (v == null ? "missing" : shorten(v)));
        }
        return v.longValue();
    }

    private static OptionalDouble number(JsonNode v) {
        return v != null && v.isNumber() ? OptionalDouble.of(v.doubleValue()) : OptionalDouble.empty();
    }

    private static SourceUnavailableException malformed(String endpoint, String detail) {
        return new SourceUnavailableException(endpoint, Reason.MALFORMED, "IODA answer not understood: " + detail);
    }

    private static String shorten(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
