package net.outageherald.store;

import net.outageherald.model.Destination;
import net.outageherald.model.Platform;
import net.outageherald.model.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The subscription table. All methods run inside the caller's transaction. */
public final class SubscriptionRepository {

    /** Where a subscription came from. */
    public enum Kind { STATIC, DYNAMIC }

    /**
     * The destinations following a target, each once, in a stable order; a destination confirmed gone
     * ({@link #markGone}) is left out.
     */
    public List<Destination> followers(Connection tx, String targetKey) throws SQLException {
        List<Destination> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT DISTINCT s.destination FROM subscription s WHERE s.target_key = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM gone_destination g WHERE g.destination = s.destination)"
                        + " ORDER BY s.destination")) {
            ps.setString(1, targetKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Destination.parseKey(rs.getString(1)));
                }
            }
        }
        return out;
    }

    public boolean follows(Connection tx, Destination destination, String targetKey) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT 1 FROM subscription WHERE destination = ? AND target_key = ?")) {
            ps.setString(1, destination.key());
            ps.setString(2, targetKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public int countDynamic(Connection tx, Destination destination) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT COUNT(*) FROM subscription WHERE destination = ? AND kind = 'DYNAMIC'")) {
            ps.setString(1, destination.key());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void insert(Connection tx, Destination destination, String targetKey, Kind kind, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO subscription (destination, platform, target_key, kind,"
                + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (destination, target_key, kind) DO NOTHING")) {
            ps.setString(1, destination.key());
            ps.setString(2, destination.platform().name());
            ps.setString(3, targetKey);
            ps.setString(4, kind.name());
            ps.setLong(5, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    public boolean delete(Connection tx, Destination destination, String targetKey, Kind kind) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "DELETE FROM subscription WHERE destination = ? AND target_key = ? AND kind = ?")) {
            ps.setString(1, destination.key());
            ps.setString(2, targetKey);
            ps.setString(3, kind.name());
            return ps.executeUpdate() > 0;
        }
    }

    /** Moves a destination's subscriptions to its new id, merging with any the new id already has. */
    public int move(Connection tx, Destination from, Destination to) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM subscription WHERE destination = ? AND EXISTS"
                + " (SELECT 1 FROM subscription n WHERE n.destination = ? AND n.target_key = subscription.target_key"
                + " AND n.kind = subscription.kind)")) {
            ps.setString(1, from.key());
            ps.setString(2, to.key());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.prepareStatement("UPDATE subscription SET destination = ? WHERE destination = ?")) {
            ps.setString(1, to.key());
            ps.setString(2, from.key());
            return ps.executeUpdate();
        }
    }

    /** One entry per (destination, target): a static row wins over a dynamic one for the same target. */
    public List<Subscription> of(Connection tx, Destination destination) throws SQLException {
        return query(tx, "SELECT destination, target_key, kind, created_at FROM subscription WHERE destination = ?"
                + " ORDER BY target_key", destination.key());
    }

    public List<Subscription> byPlatform(Connection tx, Platform platform) throws SQLException {
        return query(tx, "SELECT destination, target_key, kind, created_at FROM subscription WHERE platform = ?"
                + " ORDER BY destination, target_key", platform.name());
    }

    public List<Subscription> allStatic(Connection tx) throws SQLException {
        return query(tx, "SELECT destination, target_key, kind, created_at FROM subscription WHERE kind = ?"
                + " ORDER BY destination, target_key", Kind.STATIC.name());
    }

    public List<String> targetKeys(Connection tx) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT DISTINCT target_key FROM subscription ORDER BY target_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<Subscription> query(Connection tx, String sql, String param) throws SQLException {
        Map<String, Subscription> merged = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Subscription s = new Subscription(Destination.parseKey(rs.getString(1)), rs.getString(2),
                            Kind.STATIC.name().equals(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)));
                    merged.merge(s.destination().key() + " " + s.targetKey(), s, (a, b) -> a.isStatic() ? a : b);
                }
            }
        }
        return new ArrayList<>(merged.values());
    }

    /**
     * Marks a destination as confirmed gone while the config still subscribes it, so fan-out leaves it out;
     * true if it was not marked yet.
     */
    public boolean markGone(Connection tx, Destination destination, String reason, Instant now) throws SQLException {
        return DestinationMarks.GONE.mark(tx, destination, reason, now);
    }

    /** Takes the gone mark off a destination; true if it had one. */
    public boolean clearGone(Connection tx, Destination destination) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM gone_destination WHERE destination = ?")) {
            ps.setString(1, destination.key());
            return ps.executeUpdate() > 0;
        }
    }

    /** Takes every gone mark off; how many there were. */
    public int clearAllGone(Connection tx) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM gone_destination")) {
            return ps.executeUpdate();
        }
    }
}
