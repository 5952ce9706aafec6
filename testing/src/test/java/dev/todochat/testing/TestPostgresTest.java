package dev.todochat.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class TestPostgresTest {

    @Test
    void a_fresh_database_is_new_and_has_no_tables() throws SQLException {
        String url = TestPostgres.freshDatabaseUrl();

        assertThat(url).startsWith("jdbc:postgresql://").contains("/todochat_test_");
        assertThat(query(url, "select current_database()")).startsWith("todochat_test_");
        assertThat(query(url, "select count(*) from information_schema.tables where table_schema = 'public'"))
                .isEqualTo("0");
    }

    @Test
    void each_caller_gets_its_own_database() throws SQLException {
        String first = TestPostgres.freshDatabaseUrl();
        String second = TestPostgres.freshDatabaseUrl();

        execute(first, "create table marker (id int)");

        assertThat(first).isNotEqualTo(second);
        assertThat(query(second, "select count(*) from information_schema.tables where table_name = 'marker'"))
                .isEqualTo("0");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
