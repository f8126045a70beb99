package net.outageherald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.outageherald.model.PrefixState;
import net.outageherald.model.Prefix;

/** Per-prefix state and baselines; a prefix shared by several targets has one row. */
public final class PrefixStateRepository {

    /** The stored states of these prefixes; prefixes never seen get a fresh state. */
    public Map<Prefix, PrefixState> load(Connection tx, Collection<Prefix> prefixes) throws SQLException {
        Map<Prefix, PrefixState> out = new HashMap<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT * FROM prefix_state WHERE prefix = ?")) {
            for (Prefix p : prefixes) {
                ps.setString(1, p.cidr());
                try (ResultSet rs = ps.executeQuery()) {
                    out.put(p, rs.next() ? read(p, rs) : PrefixState.fresh(p));
                }
            }
        }
        return out;
    }

    public void save(Connection tx, PrefixState s) throws SQLException {
        String sql = "INSERT INTO prefix_state (prefix, visibility, baseline, peers_now, upstreams, observed_at, dark_since)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (prefix) DO UPDATE SET visibility = excluded.visibility,"
                + " baseline = excluded.baseline, peers_now = excluded.peers_now, upstreams = excluded.upstreams,"
                + " observed_at = excluded.observed_at, dark_since = excluded.dark_since";
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            ps.setString(1, s.prefix().cidr());
            ps.setString(2, s.visibility().name());
            ps.setDouble(3, s.baseline());
            ps.setInt(4, s.peersNow());
            ps.setString(5, s.upstreams().stream().sorted().map(String::valueOf).collect(Collectors.joining(" ")));
            Jdbc.setInstant(ps, 6, s.observedAt());
            Jdbc.setInstant(ps, 7, s.darkSince());
            ps.executeUpdate();
        }
    }

    private static PrefixState read(Prefix p, ResultSet rs) throws SQLException {
        String up = rs.getString("upstreams");
        Set<Long> upstreams = up == null || up.isBlank() ? Set.of()
                : Arrays.stream(up.split(" ")).map(Long::valueOf).collect(Collectors.toSet());
        return new PrefixState(p, PrefixState.Visibility.valueOf(rs.getString("visibility")), rs.getDouble("baseline"),
                rs.getInt("peers_now"), upstreams, Jdbc.instant(rs, "observed_at"), Jdbc.instant(rs, "dark_since"));
    }
}
