package dev.todochat.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {

    @Test
    void a_postgres_url_gives_host_maintenance_database_and_decoded_credentials() {
        ServerAddress address = ServerAddress.parse("postgres://ci%40corp:p%3Ass%2Fw@db.local:5433/maint?sslmode=disable");

        assertThat(address.hostSpec()).isEqualTo("db.local:5433");
        assertThat(address.maintenanceDatabase()).isEqualTo("maint");
        assertThat(address.user()).isEqualTo("ci@corp");
        assertThat(address.password()).isEqualTo("p:ss/w");
        assertThat(address.jdbcUrl("todochat_test_1"))
                .isEqualTo("jdbc:postgresql://db.local:5433/todochat_test_1?user=ci%40corp&password=p%3Ass%2Fw&sslmode=disable");
    }

    @Test
    void a_postgresql_url_without_database_uses_the_postgres_database() {
        ServerAddress address = ServerAddress.parse("postgresql://postgres@127.0.0.1");

        assertThat(address.maintenanceUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/postgres?user=postgres");
    }

    @Test
    void a_jdbc_url_keeps_its_parameters_and_moves_the_credentials_first() {
        ServerAddress address = ServerAddress.parse("jdbc:postgresql://h:5432/postgres?ssl=false&user=u&password=a%26b");

        assertThat(address.user()).isEqualTo("u");
        assertThat(address.password()).isEqualTo("a&b");
        assertThat(address.jdbcUrl("x")).isEqualTo("jdbc:postgresql://h:5432/x?user=u&password=a%26b&ssl=false");
    }

    @Test
    void a_jdbc_url_without_host_means_localhost() {
        ServerAddress address = ServerAddress.parse("jdbc:postgresql:maint");

        assertThat(address.hostSpec()).isEqualTo("localhost");
        assertThat(address.maintenanceDatabase()).isEqualTo("maint");
    }

    @Test
    void the_text_form_never_shows_the_password() {
        assertThat(ServerAddress.parse("postgres://u:secret@h:1/d")).hasToString("h:1/d as u");
    }

    @Test
    void an_unknown_scheme_is_rejected() {
        assertThatThrownBy(() -> ServerAddress.parse("mysql://u@h/d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TODOCHAT_TEST_DATABASE_URL");
    }
}
