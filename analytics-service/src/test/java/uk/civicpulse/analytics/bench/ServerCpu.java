package uk.civicpulse.analytics.bench;

import uk.civicpulse.testkit.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * CPU seconds (user + system) used so far by the PostgreSQL server processes connected to one database, read from
 * /proc (Linux; 0 elsewhere). Unlike the clock, it hardly changes when other programs share the machine, so a ratio
 * of two of them measured in one run says how much work each side made the database do.
 */
public final class ServerCpu {

    private ServerCpu() {
    }

    public static double seconds(String database) throws SQLException {
        long ticks = 0;
        try (Connection c = TestDatabase.server().connect("postgres");
             PreparedStatement st = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = ?")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Path stat = Path.of("/proc", String.valueOf(rs.getInt(1)), "stat");
                    try {
                        String line = Files.readString(stat);
                        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    } catch (java.io.IOException | RuntimeException gone) {
                        // not Linux, or the process ended meanwhile
                    }
                }
            }
        }
        return ticks / 100.0; // USER_HZ
    }
}
