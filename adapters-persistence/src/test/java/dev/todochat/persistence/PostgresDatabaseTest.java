package dev.todochat.persistence;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.port.StorageUnavailable;
import com.zaxxer.hikari.HikariDataSource;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.todochat.persistence.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDatabaseTest {

    @Test
    void migrating_twice_keeps_the_data() {
        try (PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 2)) {
            UserId alice = TestDatabases.newUser("alice");
            database.migrate();
            database.storage().inTransaction(unit -> unit.tasks().add(alice, "Survives", null, T0));

            database.migrate();

            List<Task> tasks = database.storage().inTransaction(unit -> unit.tasks().list(alice, TaskFilter.ALL));
            assertThat(tasks).extracting(Task::title).containsExactly("Survives");
        }
    }

    @Test
    void a_running_database_is_reachable_until_closed() {
        PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 2);
        assertThat(database.isReachable()).isTrue();

        database.close();

        assertThat(database.isReachable()).isFalse();
    }

    @Test
    void a_server_that_does_not_answer_is_unreachable_without_an_exception() throws Exception {
        int closedPort = closedPort();
        try (PostgresDatabase database = PostgresDatabase.connect("postgres://nobody@127.0.0.1:" + closedPort + "/none", 1)) {
            assertThat(database.isReachable()).isFalse();
        }
    }

    @Test
    void the_description_names_the_server_but_never_the_password() {
        try (PostgresDatabase database = PostgresDatabase.connect("postgres://todo:s3cret@127.0.0.1:5432/todochat", 1)) {
            assertThat(database.describe()).isEqualTo("PostgreSQL at 127.0.0.1:5432/todochat as todo");
        }
    }

    @Test
    void when_every_connection_stays_in_use_work_is_refused_as_busy_and_none_of_it_runs() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 1)) {
            AtomicBoolean ran = new AtomicBoolean();
            try (Connection held = database.dataSource().getConnection()) {
                assertThatThrownBy(() -> database.storage().inTransaction(unit -> ran.getAndSet(true)))
                        .isInstanceOfSatisfying(StorageBusy.class, busy ->
                                assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(2)))
                        .hasMessageContaining("every database connection stayed in use");
            }
            assertThat(ran).isFalse();

            boolean ranBefore = database.storage().inTransaction(unit -> ran.getAndSet(true));
            assertThat(ranBefore).isFalse();
            assertThat(ran).isTrue();
        }
    }

    @Test
    void a_database_that_cannot_be_reached_is_not_reported_as_busy() throws Exception {
        int closedPort = closedPort();
        try (PostgresDatabase database = PostgresDatabase.connect("postgres://nobody@127.0.0.1:" + closedPort + "/none", 1)) {
            assertThatThrownBy(() -> database.storage().inTransaction(unit -> true))
                    .isNotInstanceOf(StorageBusy.class);
        }
    }

    @Test
    void a_database_that_cannot_be_reached_is_reported_as_unavailable_with_a_wait() throws Exception {
        int closedPort = closedPort();
        try (PostgresDatabase database = PostgresDatabase.connect("postgres://nobody@127.0.0.1:" + closedPort + "/none", 1,
                Duration.ofMillis(300))) {
            assertThatThrownBy(() -> database.storage().inTransaction(unit -> true))
                    .isInstanceOfSatisfying(StorageUnavailable.class, lost ->
                            assertThat(lost.retryAfter()).isEqualTo(Duration.ofSeconds(5)))
                    .hasMessageContaining("the database cannot be reached");
        }
    }

    @Test
    void query_parameters_of_a_postgres_url_reach_the_driver_so_pgbouncer_can_be_told_no_prepared_statements()
            throws Exception {
        String url = TestPostgres.freshDatabaseUrl().replace("jdbc:postgresql://", "postgres://");
        try (PostgresDatabase database = PostgresDatabase.connect(url + "&prepareThreshold=0", 1);
             Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
        }
    }

    @Test
    void the_pool_waits_for_a_free_connection_as_long_as_it_was_told() {
        try (PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 3,
                Duration.ofMillis(750))) {
            HikariDataSource pool = (HikariDataSource) database.dataSource();
            assertThat(pool.getConnectionTimeout()).isEqualTo(750);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
        }
    }

    @Test
    void a_wait_shorter_than_hikaris_floor_is_refused() {
        assertThatThrownBy(() -> PostgresDatabase.connect("postgres://u@127.0.0.1/db", 1, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 250 ms");
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
