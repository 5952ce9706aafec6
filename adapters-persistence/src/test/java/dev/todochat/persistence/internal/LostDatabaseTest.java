package dev.todochat.persistence.internal;

import dev.todochat.domain.port.StorageUnavailable;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LostDatabaseTest {

    @Test
    void a_connection_ended_by_a_restarting_server_is_a_lost_database() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08003", "08001"}) {
            RuntimeException failure = new RuntimeException(new SQLException("FATAL: terminating connection", state));

            assertThat(LostDatabase.translate(failure)).as(state).isInstanceOfSatisfying(StorageUnavailable.class,
                    lost -> assertThat(lost.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        }
    }

    @Test
    void a_rollback_on_the_connection_hikari_closed_after_such_a_failure_is_a_lost_database() {
        RuntimeException failure = new RuntimeException(new SQLException("Connection is closed"));

        assertThat(LostDatabase.translate(failure)).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void a_pool_that_could_not_connect_is_a_lost_database_and_a_merely_busy_one_is_not() {
        SQLException refused = new SQLException("Connection refused", "08001");

        assertThat(LostDatabase.translate(new RuntimeException(new SQLTransientConnectionException("timed out", refused))))
                .isInstanceOf(StorageUnavailable.class);
        RuntimeException busy = new RuntimeException(new SQLTransientConnectionException("timed out"));
        assertThat(LostDatabase.translate(busy)).isSameAs(busy);
    }

    @Test
    void other_failures_stay_what_they_are() {
        RuntimeException duplicate = new RuntimeException(new SQLException("duplicate key", "23505"));
        RuntimeException other = new IllegalStateException("a bug");
        RuntimeException noState = new RuntimeException(new SQLException("something else"));

        assertThat(LostDatabase.translate(duplicate)).isSameAs(duplicate);
        assertThat(LostDatabase.translate(other)).isSameAs(other);
        assertThat(LostDatabase.translate(noState)).isSameAs(noState);
    }
}
