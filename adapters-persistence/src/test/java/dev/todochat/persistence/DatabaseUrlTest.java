package dev.todochat.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void a_postgres_url_becomes_a_jdbc_url_with_the_credentials_apart() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://todo:s3cret@db.internal:5433/todochat");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/todochat");
        assertThat(url.user()).contains("todo");
        assertThat(url.password()).contains("s3cret");
    }

    @Test
    void a_postgresql_url_keeps_its_query_parameters() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://todo:pw@db.example.com/todochat?sslmode=require&connectTimeout=3");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/todochat?sslmode=require&connectTimeout=3");
    }

    @Test
    void user_and_password_are_percent_decoded_and_a_plus_stays_a_plus() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app%40corp:p%40ss%3Aw%2Fo+rd%C3%A9@h/db");

        assertThat(url.user()).contains("app@corp");
        assertThat(url.password()).contains("p@ss:w/o+rdé");
    }

    @Test
    void an_unencoded_at_sign_in_the_password_belongs_to_the_password() {
        assertThat(DatabaseUrl.parse("postgres://u:p@ss@h/db").password()).contains("p@ss");
    }

    @Test
    void a_url_without_credentials_leaves_them_to_the_driver() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost/todochat");

        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEmpty();
        assertThat(url.describe()).isEqualTo("PostgreSQL at localhost:5432/todochat");
    }

    @Test
    void several_hosts_and_ipv6_addresses_are_kept_as_written() {
        assertThat(DatabaseUrl.parse("postgresql://u@h1:5432,h2:5433/db?targetServerType=primary").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
        assertThat(DatabaseUrl.parse("postgres://u@[::1]:6543/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6543/db");
    }

    @Test
    void a_jdbc_url_gives_up_its_credentials_and_keeps_the_other_parameters() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5433/db?user=u&password=s%26cret&sslmode=verify-full");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db?sslmode=verify-full");
        assertThat(url.user()).contains("u");
        assertThat(url.password()).contains("s&cret");
    }

    @Test
    void a_jdbc_url_without_host_means_localhost() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql:todochat").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/todochat");
    }

    @Test
    void to_jdbc_puts_the_credentials_back_as_parameters() {
        assertThat(DatabaseUrl.toJdbc("postgres://u:p%20w%26x@h:1/db?sslmode=require"))
                .isEqualTo("jdbc:postgresql://h:1/db?sslmode=require&user=u&password=p+w%26x");
        assertThat(DatabaseUrl.toJdbc("postgres://u@h/db")).isEqualTo("jdbc:postgresql://h/db?user=u");
    }

    @Test
    void the_description_names_server_database_and_user_but_never_the_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://todo:s3cret@db.internal/todochat");

        assertThat(url.describe()).isEqualTo("PostgreSQL at db.internal:5432/todochat as todo");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "mysql://u:s3cret@h/db",
            "postgres://u:s3cret@h",
            "postgres://u:s3cret@h/",
            "postgres://u:s3cret@/db",
            "postgres://u:s3cret@h:99999/db",
            "postgres://u:s3cret@h:port/db",
            "postgres://u:s3cret%zz@h/db",
            "postgres://u:s3cret%@h/db",
            "jdbc:postgresql://h/db?password=s3cret%g1"})
    void an_unusable_url_is_rejected_with_a_message_that_never_holds_the_password(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the database URL")
                .hasNoCause()
                .message().doesNotContain("s3cret");
    }
}
