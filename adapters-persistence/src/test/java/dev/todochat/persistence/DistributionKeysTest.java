package dev.todochat.persistence;

import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema as migrated (whatever migrations exist) can be distributed by user (Citus): every primary, unique and
 * foreign key includes {@code user_id}, so a user's rows, and a user's turn, stay on one shard.
 */
class DistributionKeysTest {
    /**
     * Tables distributed by another column, and why. {@code rate_limits} holds budgets, not a user's data: its key
     * names the budget ({@code user:<id>:<limit>} or {@code address:<ip>:<limit>}), an address budget belongs to no
     * user, and a turn touches only its own budgets' rows, so it is distributed by that key on its own.
     */
    private static final Map<String, String> DISTRIBUTED_OTHERWISE = Map.of("rate_limits", "key");

    @Test
    void every_key_of_the_migrated_schema_includes_the_distribution_column() throws Exception {
        try (PostgresDatabase database = TestDatabases.migratedFresh();
             Connection connection = database.dataSource().getConnection()) {
            assertThat(DistributionKeys.tables(connection)).as("the schema's tables")
                    .contains("conversations", "messages", "tasks", "idempotency_keys")
                    .containsAll(DISTRIBUTED_OTHERWISE.keySet());

            assertThat(DistributionKeys.violations(connection, DISTRIBUTED_OTHERWISE)).isEmpty();
        }
    }

    @Test
    void a_key_without_user_id_is_reported_by_name() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 1);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE lists (user_id text NOT NULL, id bigint NOT NULL, PRIMARY KEY (user_id, id),"
                    + " UNIQUE (id))");
            statement.execute("CREATE TABLE items (user_id text NOT NULL, id bigint PRIMARY KEY, list_id bigint"
                    + " REFERENCES lists (id))");
            statement.execute("CREATE UNIQUE INDEX items_by_list ON items (list_id, id)");

            assertThat(DistributionKeys.violations(connection, Map.of())).containsExactlyInAnyOrder(
                    "unique key lists_id_key on lists[id] leaves out user_id",
                    "unique key items_pkey on items[id] leaves out user_id",
                    "unique key items_by_list on items[list_id, id] leaves out user_id",
                    "foreign key items_list_id_fkey from items[list_id] to lists[id] does not join the distribution"
                            + " columns");
        }
    }
}
