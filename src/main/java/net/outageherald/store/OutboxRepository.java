package net.outageherald.store;

import net.outageherald.model.Delivery;
import net.outageherald.model.Destination;
import net.outageherald.model.Message;
import net.outageherald.model.Platform;
import net.outageherald.model.SendReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox table: rows are written in the transaction of the event that caused them, claimed by
 * delivery workers (heads of each destination's queue only, so nothing overtakes an older row) and
 * finished with the platform's answer. All methods run inside the caller's transaction.
 */
public final class OutboxRepository {

    /** A row to write. */
    public record NewRow(Destination destination, Delivery.Action action, SendReason reason, String targetKey, Long eventId,
                  Long outageId, Message message) {
    }

    /** Pending rows of one platform: how many and since when. */
    public record Depth(long pending, Instant oldestCreatedAt) {
    }

    /** A row the platform accepted: its attempts, when, and the platform's id for it (may be null). */
    public record Sent(long id, int attempts, Instant at, String platformMessageId) {
    }

    /** Rows dropped in one go, for one log line. */
    public record Dropped(int rows, int destinations, Instant oldestCreatedAt) {
    }

    private final ObjectMapper json = Json.mapper();
    private final boolean postgres;

    public OutboxRepository(boolean postgres) {
        this.postgres = postgres;
    }

    public void enqueue(Connection tx, List<NewRow> rows, Instant now) throws SQLException {
        String sql = "INSERT INTO outbox (destination, platform, action, reason, target_key, event_id, outage_id, payload,"
                + " state, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            Map<Message, String> payloads = new IdentityHashMap<>();
            for (NewRow r : rows) {
                ps.setString(1, r.destination().key());
                ps.setString(2, r.destination().platform().name());
                ps.setString(3, r.action().name());
                ps.setString(4, r.reason().name());
                ps.setString(5, r.targetKey());
                setLong(ps, 6, r.eventId());
                setLong(ps, 7, r.outageId());
                ps.setString(8, payloads.computeIfAbsent(r.message(), this::write));
                ps.setLong(9, now.toEpochMilli());
                ps.setLong(10, now.toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Takes up to {@code limit} rows that are due and at the head of their destination's queue, and marks
     * them as ours until {@code leaseUntil}. On PostgreSQL, rows another instance is claiming are skipped.
     */
    public List<OutboxRow> claim(Connection tx, Platform platform, int limit, Instant now, Instant leaseUntil, String owner)
            throws SQLException {
        String sql = "SELECT o.id, o.destination, o.action, o.reason, o.outage_id, o.payload, o.attempts, o.created_at,"
                + " l.message_ref, o.event_id, o.target_key FROM outbox o LEFT JOIN notification_log l"
                + " ON l.destination = o.destination AND l.outage_id = o.outage_id"
                + " WHERE o.state = 'PENDING' AND o.platform = ? AND o.next_attempt_at <= ?"
                + " AND (o.claimed_until IS NULL OR o.claimed_until <= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'PENDING'"
                + " AND p.destination = o.destination AND p.id < o.id)"
                + " ORDER BY o.id LIMIT ?" + (postgres ? " FOR UPDATE OF o SKIP LOCKED" : "");
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, platform.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long outage = rs.getLong("outage_id");
                    Long outageId = rs.wasNull() ? null : outage;
                    long event = rs.getLong("event_id");
                    Long eventId = rs.wasNull() ? null : event;
                    rows.add(new OutboxRow(rs.getLong("id"), Destination.parseKey(rs.getString("destination")),
                            Delivery.Action.valueOf(rs.getString("action")), SendReason.valueOf(rs.getString("reason")),
                            outageId, read(rs.getString("payload")), rs.getInt("attempts"),
                            Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("message_ref"), eventId,
                            rs.getString("target_key")));
                }
            }
        }
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET claimed_until = ?, claimed_by = ? WHERE id = ?")) {
            for (OutboxRow r : rows) {
                ps.setLong(1, leaseUntil.toEpochMilli());
                ps.setString(2, owner);
                ps.setLong(3, r.id());
                ps.addBatch();
            }
            if (!rows.isEmpty()) {
                ps.executeBatch();
            }
        }
        return rows;
    }

    /** Gives claimed rows back untouched (stopping, or the platform's global rate is used up). */
    public void release(Connection tx, Collection<Long> ids) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE outbox SET claimed_until = NULL, claimed_by = NULL WHERE id = ? AND state = 'PENDING'")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            if (!ids.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** Gives back the rows this worker still holds (stopping). */
    public int releaseOwned(Connection tx, String owner) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET claimed_until = NULL, claimed_by = NULL"
                + " WHERE state = 'PENDING' AND claimed_by = ?")) {
            ps.setString(1, owner);
            return ps.executeUpdate();
        }
    }

    /** Releases every claim: at start-up on SQLite, where one process owns the file, claims are stale. */
    public int releaseAll(Connection tx) throws SQLException {
        return update(tx, "UPDATE outbox SET claimed_until = NULL, claimed_by = NULL"
                + " WHERE state = 'PENDING' AND claimed_until IS NOT NULL");
    }

    /** Puts a claimed row back to be tried at {@code at}; {@code attempts} counts real failures only. */
    public void reschedule(Connection tx, long id, int attempts, Instant at, String error) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET attempts = ?, next_attempt_at = ?,"
                + " last_error = COALESCE(?, last_error), claimed_until = NULL, claimed_by = NULL WHERE id = ?")) {
            ps.setInt(1, attempts);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, error);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** Finishes a row: SENT (with the platform's id), SKIPPED, FAILED or DROPPED. */
    public void finish(Connection tx, long id, String state, int attempts, Instant now, String platformMessageId, String error)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET state = ?, attempts = ?, finished_at = ?,"
                + " platform_message_id = ?, last_error = COALESCE(?, last_error), claimed_until = NULL,"
                + " claimed_by = NULL WHERE id = ?")) {
            ps.setString(1, state);
            ps.setInt(2, attempts);
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, platformMessageId);
            ps.setString(5, error);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /**
     * Marks delivery to a destination as paused; true if it was not paused yet (by this instance or another
     * sharing the database), so the operators are told once per pause.
     */
    public boolean pause(Connection tx, Destination destination, String reason, Instant now) throws SQLException {
        return DestinationMarks.PAUSED.mark(tx, destination, reason, now);
    }

    /**
     * Ends the pause of those of {@code destinations} (all on {@code platform}) that were paused, and gives
     * each with the time its pause began. Reads the platform's paused destinations first: almost always none,
     * so a batch of successful sends costs one small query.
     */
    public Map<Destination, Instant> resume(Connection tx, Platform platform, Collection<Destination> destinations)
            throws SQLException {
        Map<Destination, Instant> paused = new java.util.HashMap<>();
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT destination, since FROM paused_destination WHERE platform = ?")) {
            ps.setString(1, platform.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    paused.put(Destination.parseKey(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
        }
        Map<Destination, Instant> resumed = new java.util.LinkedHashMap<>();
        if (paused.isEmpty()) {
            return resumed;
        }
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM paused_destination WHERE destination = ?")) {
            for (Destination d : destinations) {
                Instant since = paused.remove(d);
                if (since != null) {
                    resumed.put(d, since);
                    ps.setString(1, d.key());
                    ps.addBatch();
                }
            }
            if (!resumed.isEmpty()) {
                ps.executeBatch();
            }
        }
        return resumed;
    }

    /** Finishes rows the platform accepted as SENT, in one batch: one round trip however many there are. */
    public void finishSent(Connection tx, List<Sent> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET state = 'SENT', attempts = ?, finished_at = ?,"
                + " platform_message_id = ?, claimed_until = NULL, claimed_by = NULL WHERE id = ?")) {
            for (Sent r : rows) {
                ps.setInt(1, r.attempts());
                ps.setLong(2, r.at().toEpochMilli());
                ps.setString(3, r.platformMessageId());
                ps.setLong(4, r.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether any of these destinations still has a pending row (one that a finished row held back, say). */
    public boolean anyPending(Connection tx, Collection<Destination> destinations) throws SQLException {
        if (destinations.isEmpty()) {
            return false;
        }
        // as many marks as the next power of two, the last destination repeated: a few texts, not one per count,
        // so that SQLite's kept statements (StatementCache) are not pushed out by this one
        int marks = Integer.highestOneBit(destinations.size() - 1) << 1;
        marks = Math.max(1, marks);
        try (PreparedStatement ps = tx.prepareStatement("SELECT 1 FROM outbox WHERE state = 'PENDING' AND destination IN ("
                + String.join(",", java.util.Collections.nCopies(marks, "?")) + ") LIMIT 1")) {
            int i = 1;
            String last = null;
            for (Destination d : destinations) {
                last = d.key();
                ps.setString(i++, last);
            }
            while (i <= marks) {
                ps.setString(i++, last);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Drops every pending row of a destination (it went away); returns how many. */
    public int dropPending(Connection tx, Destination destination, Instant now, String why) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET state = 'DROPPED', finished_at = ?,"
                + " last_error = ?, claimed_until = NULL, claimed_by = NULL WHERE state = 'PENDING' AND destination = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, why);
            ps.setString(3, destination.key());
            return ps.executeUpdate();
        }
    }

    /** Drops the pending rows about one target's outages for a destination that stopped following it. */
    public int dropPendingAbout(Connection tx, Destination destination, String targetKey, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET state = 'DROPPED', finished_at = ?,"
                + " last_error = 'unsubscribed' WHERE state = 'PENDING' AND destination = ? AND target_key = ?"
                + " AND reason <> 'MONITORING' AND (claimed_until IS NULL OR claimed_until <= ?)")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, destination.key());
            ps.setString(3, targetKey);
            ps.setLong(4, now.toEpochMilli());
            return ps.executeUpdate();
        }
    }

    /** Re-addresses pending rows to a destination's new id, unclaimed and due now, keeping their order. */
    public int move(Connection tx, Destination from, Destination to, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET destination = ?, next_attempt_at = ?,"
                + " claimed_until = NULL, claimed_by = NULL WHERE state = 'PENDING' AND destination = ?")) {
            ps.setString(1, to.key());
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, from.key());
            return ps.executeUpdate();
        }
    }

    /** Drops a platform's unclaimed pending rows created before {@code cutoff}. */
    public Dropped dropExpired(Connection tx, Platform platform, Instant cutoff, Instant now) throws SQLException {
        String where = " WHERE state = 'PENDING' AND platform = '" + platform.name() + "' AND created_at < ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ?)";
        Dropped found;
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT destination), MIN(created_at) FROM outbox" + where)) {
            ps.setLong(1, cutoff.toEpochMilli());
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                found = new Dropped(rs.getInt(1), rs.getInt(2), rs.getInt(1) == 0 ? null : Instant.ofEpochMilli(rs.getLong(3)));
            }
        }
        if (found.rows() == 0) {
            return found;
        }
        // an announcement that never went out told nobody: its restoration is not owed either
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM notification_log WHERE how = 'ANNOUNCED'"
                + " AND message_ref IS NULL AND EXISTS (SELECT 1 FROM outbox o"
                + " WHERE o.destination = notification_log.destination AND o.outage_id = notification_log.outage_id"
                + " AND o.reason = 'OUTAGE' AND o.state = 'PENDING' AND o.platform = ? AND o.created_at < ?"
                + " AND (o.claimed_until IS NULL OR o.claimed_until <= ?))")) {
            ps.setString(1, platform.name());
            ps.setLong(2, cutoff.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET state = 'DROPPED', finished_at = ?,"
                + " last_error = 'older than max-message-age'" + where)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, cutoff.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            ps.executeUpdate();
        }
        return found;
    }

    public Map<Platform, Depth> depth(Connection tx) throws SQLException {
        Map<Platform, Depth> out = new EnumMap<>(Platform.class);
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT platform, COUNT(*), MIN(created_at) FROM outbox WHERE state = 'PENDING' GROUP BY platform");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(Platform.valueOf(rs.getString(1)), new Depth(rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
            }
        }
        return out;
    }

    /** When the next head of a platform's queues becomes due (or its claim ends), or null if none is pending. */
    public Instant nextDue(Connection tx, Platform platform) throws SQLException {
        // heads of the destinations' queues only: rows behind a retrying row are not due before it
        try (PreparedStatement ps = tx.prepareStatement("SELECT MIN(CASE WHEN o.claimed_until IS NULL"
                + " THEN o.next_attempt_at WHEN o.claimed_until > o.next_attempt_at THEN o.claimed_until"
                + " ELSE o.next_attempt_at END) FROM outbox o WHERE o.state = 'PENDING' AND o.platform = ?"
                + " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'PENDING'"
                + " AND p.destination = o.destination AND p.id < o.id)")) {
            ps.setString(1, platform.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : Instant.ofEpochMilli(v);
            }
        }
    }

    /** Deletes finished rows older than {@code before}. */
    public int prune(Connection tx, Instant before) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "DELETE FROM outbox WHERE state <> 'PENDING' AND finished_at < ?")) {
            ps.setLong(1, before.toEpochMilli());
            return ps.executeUpdate();
        }
    }

    private static int update(Connection tx, String sql) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            return ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private String write(Message m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a message: " + e.getMessage(), e);
        }
    }

    private Message read(String payload) throws SQLException {
        try {
            return json.readValue(payload, Message.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot read an outbox message: " + e.getMessage(), e);
        }
    }
}
