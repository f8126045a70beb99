package net.outageherald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import net.outageherald.model.Destination;

/**
 * The tables that mark a destination with a reason and a start (a paused delivery, a destination confirmed
 * gone): one row a destination, written once however many instances see the same failure.
 */
enum DestinationMarks {
    PAUSED("paused_destination"),
    GONE("gone_destination");

    private final String table;

    DestinationMarks(String table) {
        this.table = table;
    }

    /** Marks the destination; true if it was not marked yet (by this instance or another). */
    boolean mark(Connection tx, Destination destination, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO " + table + " (destination, platform, reason,"
                + " since) VALUES (?, ?, ?, ?) ON CONFLICT (destination) DO NOTHING")) {
            ps.setString(1, destination.key());
            ps.setString(2, destination.platform().name());
            ps.setString(3, reason);
            ps.setLong(4, now.toEpochMilli());
            return ps.executeUpdate() > 0;
        }
    }
}
