package dev.todochat.persistence;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static dev.todochat.persistence.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

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
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
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
}
