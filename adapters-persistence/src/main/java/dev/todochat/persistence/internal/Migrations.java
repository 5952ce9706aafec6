package dev.todochat.persistence.internal;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The schema, as Flyway migrations in {@code db/migration}. Applying them is idempotent, and safe when several
 * instances start at once (Flyway serialises them with a PostgreSQL advisory lock).
 */
public final class Migrations {
    private Migrations() {
    }

    public static void apply(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
