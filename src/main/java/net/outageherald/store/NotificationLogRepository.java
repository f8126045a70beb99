package net.outageherald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.outageherald.model.Destination;
import net.outageherald.nflog.NotificationLog;

/** The notification log kept in the {@code notification_log} table; see {@link NotificationLog}. */
public final class NotificationLogRepository implements NotificationLog {

    /** Records that these destinations are told of an outage; existing rows stay as they are. */
    @Override
    public void record(Connection tx, Collection<Destination> destinations, long outageId, String targetKey, How how,
                Instant now) throws SQLException {
        String sql = "INSERT INTO notification_log (destination, outage_id, target_key, how, told_at, last_told_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (destination, outage_id) DO NOTHING";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            for (Destination d : destinations) {
                ps.setString(1, d.key());
                ps.setLong(2, outageId);
                ps.setString(3, targetKey);
                ps.setString(4, how.name());
                ps.setLong(5, now.toEpochMilli());
                ps.setLong(6, now.toEpochMilli());
                ps.addBatch();
            }
            if (!destinations.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** The destinations told of an outage that have not had its restoration yet, in a stable order. */
    @Override
    public List<Destination> told(Connection tx, long outageId) throws SQLException {
        List<Destination> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT destination FROM notification_log"
                + " WHERE outage_id = ? AND resolved_at IS NULL ORDER BY told_at, destination")) {
            ps.setLong(1, outageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Destination.parseKey(rs.getString(1)));
                }
            }
        }
        return out;
    }

    @Override
    public void resolve(Connection tx, long outageId, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE notification_log SET resolved_at = ? WHERE outage_id = ? AND resolved_at IS NULL")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, outageId);
            ps.executeUpdate();
        }
    }

    /** Keeps the platform id of the outage message, for the edit and the reply on restoration. */
    @Override
    public void recordMessageRef(Connection tx, Destination destination, long outageId, String messageRef) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE notification_log SET message_ref = ? WHERE destination = ? AND outage_id = ?")) {
            ps.setString(1, messageRef);
            ps.setString(2, destination.key());
            ps.setLong(3, outageId);
            ps.executeUpdate();
        }
    }

    /**
     * Moves a destination's rows to its new id. The message ids belong to the old chat, so they are
     * forgotten: the restoration is then posted without an edit or a reply.
     */
    @Override
    public int move(Connection tx, Destination from, Destination to) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM notification_log WHERE destination = ? AND outage_id IN"
                + " (SELECT outage_id FROM notification_log WHERE destination = ?)")) {
            ps.setString(1, from.key());
            ps.setString(2, to.key());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE notification_log SET destination = ?, message_ref = NULL WHERE destination = ?")) {
            ps.setString(1, to.key());
            ps.setString(2, from.key());
            return ps.executeUpdate();
        }
    }

    /** Forgets a destination entirely (it went away). */
    @Override
    public int forget(Connection tx, Destination destination) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM notification_log WHERE destination = ?")) {
            ps.setString(1, destination.key());
            return ps.executeUpdate();
        }
    }

    /** Forgets the open outages of a target for a destination that stopped following it. */
    @Override
    public int forgetOpen(Connection tx, Destination destination, String targetKey) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM notification_log"
                + " WHERE destination = ? AND target_key = ? AND resolved_at IS NULL")) {
            ps.setString(1, destination.key());
            ps.setString(2, targetKey);
            return ps.executeUpdate();
        }
    }

    /** Rows of outages still open whose destination was last told before {@code cutoff}. */
    @Override
    public List<Due> dueForReminder(Connection tx, Instant cutoff) throws SQLException {
        List<Due> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT l.destination, l.outage_id, l.target_key, o.started_at"
                + " FROM notification_log l JOIN outage o ON o.id = l.outage_id"
                + " WHERE l.resolved_at IS NULL AND o.ended_at IS NULL AND l.last_told_at <= ?"
                + " ORDER BY l.outage_id, l.told_at, l.destination")) {
            ps.setLong(1, cutoff.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(Destination.parseKey(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
        return out;
    }

    @Override
    public void touch(Connection tx, Destination destination, long outageId, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE notification_log SET last_told_at = ? WHERE destination = ? AND outage_id = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, destination.key());
            ps.setLong(3, outageId);
            ps.executeUpdate();
        }
    }

    /** Deletes rows of outages resolved before {@code before}. */
    @Override
    public int prune(Connection tx, Instant before) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM notification_log WHERE resolved_at < ?")) {
            ps.setLong(1, before.toEpochMilli());
            return ps.executeUpdate();
        }
    }
}
