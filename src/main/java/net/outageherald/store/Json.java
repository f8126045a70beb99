package net.outageherald.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper for payloads we store (events, outbox messages): one for the process, so that the
 * (de)serializer of each type is built once, not once per repository.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /**
     * The shared mapper, for this package's repositories only: configured once here and never changed after (an
     * {@code ObjectMapper} is then thread-safe).
     */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a payload and reads it back as its own class, as storing and claiming it would, without a database:
     * builds the mapper's (de)serializers for its type ahead of the first real one (see {@code notify.Warmup}).
     *
     * @return the payload as read back
     * @throws IllegalStateException when the payload does not survive the trip
     */
    public static <T> T roundTrip(T payload) {
        try {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) payload.getClass();
            return MAPPER.readValue(MAPPER.writeValueAsString(payload), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a " + payload.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
