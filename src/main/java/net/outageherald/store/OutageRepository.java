package net.outageherald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.outageherald.model.Status;

/** Outages: opened when one is confirmed, updated as it changes, closed on restoration. */
public final class OutageRepository {

    public long open(Connection tx, String targetKey, Instant startedAt, Status severity) throws SQLException {
        String sql = "INSERT INTO outage (target_key, started_at, severity, worst) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = tx.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, targetKey);
            ps.setLong(2, startedAt.toEpochMilli());
            ps.setString(3, severity.name());
            ps.setString(4, severity.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void changeSeverity(Connection tx, long id, Status severity) throws SQLException {
        String sql = "UPDATE outage SET severity = ?, worst = CASE WHEN ? = 'DOWN' THEN 'DOWN' ELSE worst END WHERE id = ?";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, severity.name());
            ps.setString(2, severity.name());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    public void close(Connection tx, long id, Instant endedAt) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outage SET ended_at = ? WHERE id = ?")) {
            ps.setLong(1, endedAt.toEpochMilli());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The open outage the target's detection state points at, if any. */
    public Optional<Outage> openFor(Connection tx, String targetKey) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("SELECT o.* FROM target t JOIN outage o ON o.id = t.outage_id"
                + " WHERE t.target_key = ? AND o.ended_at IS NULL")) {
            ps.setString(1, targetKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Outage> find(Connection tx, long id) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("SELECT * FROM outage WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The latest outages of a target, newest first. */
    public List<Outage> history(Connection tx, String targetKey, int limit) throws SQLException {
        List<Outage> out = new ArrayList<>();
        String sql = "SELECT * FROM outage WHERE target_key = ? ORDER BY started_at DESC, id DESC LIMIT ?";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, targetKey);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static Outage read(ResultSet rs) throws SQLException {
        return new Outage(rs.getLong("id"), rs.getString("target_key"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "ended_at"), Status.valueOf(rs.getString("severity")),
                Status.valueOf(rs.getString("worst")));
    }
}
