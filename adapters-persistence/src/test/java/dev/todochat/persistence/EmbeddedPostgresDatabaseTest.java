package dev.todochat.persistence;

import dev.todochat.domain.Task;
import dev.todochat.domain.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import static dev.todochat.persistence.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresDatabaseTest {
    private final UserId alice = new UserId("alice");

    @TempDir
    Path home;

    @Test
    void the_data_survives_a_restart_on_the_same_folder_and_port() {
        Task written;
        String firstDescription;
        try (PostgresDatabase database = PostgresDatabase.embedded(home)) {
            database.migrate();
            written = database.storage().inTransaction(unit -> unit.tasks().add(alice, "Still here after a restart", null, T0));
            firstDescription = database.describe();
        }

        try (PostgresDatabase restarted = PostgresDatabase.embedded(home)) {
            restarted.migrate();

            Optional<Task> found = restarted.storage().inTransaction(unit -> unit.tasks().find(alice, written.id()));
            assertThat(found).contains(written);
            assertThat(restarted.describe()).isEqualTo(firstDescription)
                    .startsWith("embedded PostgreSQL 17 (data in " + home.resolve("postgres"));
        }
    }

    @Test
    void closing_stops_the_server() throws SQLException {
        String url;
        PostgresDatabase database = PostgresDatabase.embedded(home);
        try (Connection connection = database.dataSource().getConnection()) {
            url = connection.getMetaData().getURL();
        }

        database.close();

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
    }

    @Test
    void a_second_server_on_a_folder_in_use_is_refused_and_the_first_keeps_running() {
        try (PostgresDatabase running = PostgresDatabase.embedded(home)) {
            assertThatThrownBy(() -> PostgresDatabase.embedded(home))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(home.resolve("postgres").toString());

            assertThat(running.isReachable()).isTrue();
        }
    }
}
