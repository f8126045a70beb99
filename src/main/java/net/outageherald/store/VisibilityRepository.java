package net.outageherald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The visibility history of targets: one sample per target and minute at most, pruned after a window. */
public final class VisibilityRepository {

    /** What detection computed for a target at one time. */
    public record Sample(Instant at, double visibleShare, int peersSeeing, int peersBaseline) {
    }

    /** Records a sample; a second one for the same target and time is ignored. */
    public void record(Connection tx, String targetKey, Sample s) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO visibility_sample (target_key, sampled_at,"
                + " visible_share, peers_seeing, peers_baseline) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (target_key, sampled_at) DO NOTHING")) {
            ps.setString(1, targetKey);
            ps.setLong(2, s.at().toEpochMilli());
            ps.setDouble(3, s.visibleShare());
            ps.setInt(4, s.peersSeeing());
            ps.setInt(5, s.peersBaseline());
            ps.executeUpdate();
        }
    }

    /** The samples of a target from {@code from} (inclusive) to {@code until} (exclusive), oldest first. */
    public List<Sample> between(Connection tx, String targetKey, Instant from, Instant until) throws SQLException {
        List<Sample> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT sampled_at, visible_share, peers_seeing,"
                + " peers_baseline FROM visibility_sample WHERE target_key = ? AND sampled_at >= ? AND sampled_at < ?"
                + " ORDER BY sampled_at")) {
            ps.setString(1, targetKey);
            ps.setLong(2, from.toEpochMilli());
            ps.setLong(3, until.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sample(Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        return out;
    }

    /** When the oldest sample of a target kept was taken, if there is one. */
    public java.util.Optional<Instant> firstAt(Connection tx, String targetKey) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT MIN(sampled_at) FROM visibility_sample WHERE target_key = ?")) {
            ps.setString(1, targetKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(v));
            }
        }
    }

    /** Deletes the samples older than {@code before}; gives how many. */
    public int prune(Connection tx, Instant before) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM visibility_sample WHERE sampled_at < ?")) {
            ps.setLong(1, before.toEpochMilli());
            return ps.executeUpdate();
        }
    }
}
