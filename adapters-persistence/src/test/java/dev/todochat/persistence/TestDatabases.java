package dev.todochat.persistence;

import dev.todochat.domain.UserId;
import dev.todochat.testing.TestPostgres;

import java.time.Instant;
import java.util.UUID;

/** Fixtures: a migrated database of its own for each test class, and users no other test has seen. */
final class TestDatabases {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private TestDatabases() {
    }

    static PostgresDatabase migratedFresh() {
        PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 10);
        database.migrate();
        return database;
    }

    static UserId newUser(String name) {
        return new UserId(name + "-" + UUID.randomUUID());
    }
}
