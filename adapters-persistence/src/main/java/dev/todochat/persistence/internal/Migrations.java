package dev.todochat.persistence.internal;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The schema, as Flyway migrations in {@code db/migration}. Applying them is idempotent, and safe when several
 * instances start at once (Flyway serialises them with a PostgreSQL advisory lock).
 */
public final class Migrations {
    private Migrations() {
    }

    public static void apply(DataSource dataSource) {
        flyway(dataSource).migrate();
    }

    /**
     * The newest version among the migrations this build carries (read from its {@code db/migration} resources, so
     * a build with a new migration expects it without another change).
     */
    public static String expectedVersion(DataSource dataSource) {
        return Arrays.stream(flyway(dataSource).info().all())
                .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElseThrow(() -> new IllegalStateException("this build carries no migrations"));
    }

    /** The newest version applied successfully, read with one small query; empty when nothing is applied. */
    public static Optional<String> appliedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE success AND version IS NOT NULL")) {
            MigrationVersion newest = null;
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
            }
            return Optional.ofNullable(newest).map(MigrationVersion::getVersion);
        } catch (SQLException noHistory) {
            if ("42P01".equals(noHistory.getSQLState())) {
                return Optional.empty();
            }
            throw noHistory;
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
