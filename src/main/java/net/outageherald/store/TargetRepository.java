package net.outageherald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.outageherald.model.TargetState;
import net.outageherald.model.Prefix;
import net.outageherald.model.Status;

/** Targets: their resolution to prefixes and names, and their detection state. */
public final class TargetRepository {

    /**
     * How many targets hold each confirmed status (every status present, 0 when none), how many have
     * none confirmed yet, and how many are in a degraded period (no usable data for a while).
     */
    public record Counts(Map<Status, Integer> byStatus, int pending, int degraded) {
        public Counts {
            byStatus = Map.copyOf(byStatus);
        }
    }

    public Counts counts(Connection tx) throws SQLException {
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        int pending = 0;
        int degraded = 0;
        String sql = "SELECT confirmed, CASE WHEN degraded_since IS NULL THEN 0 ELSE 1 END AS degraded, COUNT(*) AS n"
                + " FROM target GROUP BY confirmed, CASE WHEN degraded_since IS NULL THEN 0 ELSE 1 END";
        try (PreparedStatement ps = tx.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Status status = Jdbc.enumOrNull(Status.class, rs.getString("confirmed"));
                int n = rs.getInt("n");
                if (status == null) {
                    pending += n;
                } else {
                    byStatus.merge(status, n, Integer::sum);
                }
                degraded += rs.getInt("degraded") == 1 ? n : 0;
            }
        }
        return new Counts(byStatus, pending, degraded);
    }

    public Optional<TargetRecord> find(Connection tx, String key) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("SELECT * FROM target WHERE target_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Targets with an outage still open: they are polled until someone can be told it ended. */
    public List<String> withOpenOutage(Connection tx) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT target_key FROM target WHERE outage_id IS NOT NULL ORDER BY target_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public List<TargetRecord> all(Connection tx) throws SQLException {
        List<TargetRecord> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT * FROM target ORDER BY target_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    /** Stores a target's resolution, creating the row (with a fresh state) if it is new. */
    public void saveResolution(Connection tx, String key, String name, String countryCode, List<Prefix> prefixes,
                               Instant resolvedAt, Instant now) throws SQLException {
        String sql = "INSERT INTO target (target_key, name, country_code, prefixes, resolved_at, first_seen_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target_key) DO UPDATE SET name = excluded.name,"
                + " country_code = excluded.country_code, prefixes = excluded.prefixes,"
                + " resolved_at = excluded.resolved_at, updated_at = excluded.updated_at";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, name);
            ps.setString(3, countryCode);
            ps.setString(4, String.join(" ", prefixes.stream().map(Prefix::cidr).toList()));
            Jdbc.setInstant(ps, 5, resolvedAt);
            ps.setLong(6, now.toEpochMilli());
            ps.setLong(7, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Stores the detection state of a target that already has a row. */
    public void saveState(Connection tx, TargetState s, Instant now) throws SQLException {
        String sql = "UPDATE target SET confirmed = ?, candidate = ?, candidate_count = ?, pending_since = ?,"
                + " last_good_at = ?, degraded_since = ?, outage_id = ?, outage_start = ?, first_seen_at = ?,"
                + " updated_at = ? WHERE target_key = ?";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, s.confirmed() == null ? null : s.confirmed().name());
            ps.setString(2, s.candidate() == null ? null : s.candidate().name());
            ps.setInt(3, s.candidateCount());
            Jdbc.setInstant(ps, 4, s.pendingSince());
            Jdbc.setInstant(ps, 5, s.lastGoodAt());
            Jdbc.setInstant(ps, 6, s.degradedSince());
            Jdbc.setLong(ps, 7, s.outageId());
            Jdbc.setInstant(ps, 8, s.outageStart());
            Jdbc.setInstant(ps, 9, s.firstSeenAt());
            ps.setLong(10, now.toEpochMilli());
            ps.setString(11, s.targetKey());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no target row for " + s.targetKey());
            }
        }
    }

    private static TargetRecord read(ResultSet rs) throws SQLException {
        String key = rs.getString("target_key");
        String prefixText = rs.getString("prefixes");
        List<Prefix> prefixes = prefixText == null || prefixText.isBlank() ? List.of()
                : Arrays.stream(prefixText.split(" ")).map(Prefix::parse).toList();
        TargetState state = new TargetState(key,
                Jdbc.enumOrNull(Status.class, rs.getString("confirmed")),
                Jdbc.enumOrNull(Status.class, rs.getString("candidate")),
                rs.getInt("candidate_count"),
                Jdbc.instant(rs, "pending_since"),
                Jdbc.instant(rs, "last_good_at"),
                Jdbc.instant(rs, "degraded_since"),
                Jdbc.nullableLong(rs, "outage_id"),
                Jdbc.instant(rs, "outage_start"),
                Jdbc.instant(rs, "first_seen_at"));
        return new TargetRecord(key, rs.getString("name"), rs.getString("country_code"), prefixes,
                Jdbc.instant(rs, "resolved_at"), state);
    }
}
