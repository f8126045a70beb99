package net.outageherald.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.outageherald.model.Event;

/** The event history: every event with its full facts as JSON. */
public final class EventRepository {

    private final ObjectMapper json = Json.mapper();

    /** Stores the event and returns it with its id. */
    public Event insert(Connection tx, Event event, Instant createdAt) throws SQLException {
        String sql = "INSERT INTO event (target_key, outage_id, type, at, created_at, payload) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = tx.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, event.targetKey());
            Jdbc.setLong(ps, 2, event.outageId());
            ps.setString(3, event.type().name());
            ps.setLong(4, event.at().toEpochMilli());
            ps.setLong(5, createdAt.toEpochMilli());
            ps.setString(6, write(event));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return event.withId(keys.getLong(1));
            }
        }
    }

    /** The latest events of a target, newest first. */
    public List<Event> recent(Connection tx, String targetKey, int limit) throws SQLException {
        List<Event> out = new ArrayList<>();
        String sql = "SELECT id, payload FROM event WHERE target_key = ? ORDER BY id DESC LIMIT ?";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, targetKey);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs.getString("payload")).withId(rs.getLong("id")));
                }
            }
        }
        return out;
    }

    /** The latest announcement of an outage (started or changed), which a reminder repeats. */
    public Optional<Event> latestAnnouncement(Connection tx, long outageId) throws SQLException {
        String sql = "SELECT id, payload FROM event WHERE outage_id = ? AND type IN ('OUTAGE_STARTED', 'OUTAGE_CHANGED')"
                + " ORDER BY id DESC LIMIT 1";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setLong(1, outageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString("payload")).withId(rs.getLong("id"))) : Optional.empty();
            }
        }
    }

    private String write(Event e) throws SQLException {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new SQLException("cannot serialise event: " + ex.getMessage(), ex);
        }
    }

    Event read(String payload) throws SQLException {
        try {
            return json.readValue(payload, Event.class);
        } catch (JsonProcessingException ex) {
            throw new SQLException("cannot read stored event: " + ex.getMessage(), ex);
        }
    }
}
