package dev.todochat.bootstrap;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void should_default_to_port_8080_the_embedded_database_and_a_data_folder_in_home() {
        Config config = Config.from(Map.of(), HOME);

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("/home/alice/.todochat"));
        assertThat(config.embeddedPostgresDir()).isEqualTo(Path.of("/home/alice/.todochat/postgres"));
        assertThat(config.jwtSecretFile()).isEqualTo(Path.of("/home/alice/.todochat/jwt-secret"));
        assertThat(config.jwtSecret()).isEmpty();
        assertThat(config.openAi()).isEmpty();
    }

    @Test
    void should_read_every_variable() {
        Config config = Config.from(Map.of("PORT", "9090", "DATABASE_URL", "postgres://u:p@db:5432/todo",
                "TODOCHAT_DATA_DIR", "/srv/todochat", "JWT_SECRET", "s3cret", "OPENAI_API_KEY", "sk-test"), HOME);

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.databaseUrl()).contains("postgres://u:p@db:5432/todo");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/todochat"));
        assertThat(config.jwtSecret()).hasValueSatisfying(secret -> {
            assertThat(secret.variable()).isEqualTo("JWT_SECRET");
            assertThat(secret.value()).isEqualTo("s3cret");
        });
        assertThat(config.openAi()).hasValueSatisfying(openAi -> {
            assertThat(openAi.apiKey()).isEqualTo("sk-test");
            assertThat(openAi.baseUrl()).isEqualTo("https://api.openai.com/v1");
        });
    }

    @Test
    void should_bound_a_turn_by_turn_timeout_sixty_seconds_unless_set() {
        assertThat(Config.from(Map.of(), HOME).limits().turnTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(Config.from(Map.of("TURN_TIMEOUT", "90s"), HOME).limits().turnTimeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Config.from(Map.of("TURN_TIMEOUT", "soon"), HOME))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TURN_TIMEOUT: ");
    }

    @Test
    void should_prefer_jwt_secret_over_better_auth_secret() {
        Config both = Config.from(Map.of("JWT_SECRET", "first", "BETTER_AUTH_SECRET", "second"), HOME);
        Config betterAuthOnly = Config.from(Map.of("BETTER_AUTH_SECRET", "second"), HOME);

        assertThat(both.jwtSecret()).get().extracting(Config.EnvSecret::value).isEqualTo("first");
        assertThat(betterAuthOnly.jwtSecret()).get().extracting(Config.EnvSecret::variable)
                .isEqualTo("BETTER_AUTH_SECRET");
    }

    @Test
    void should_treat_blank_variables_as_unset() {
        Config config = Config.from(Map.of("PORT", " ", "DATABASE_URL", "", "JWT_SECRET", "  ",
                "BETTER_AUTH_SECRET", "fallback", "OPENAI_BASE_URL", ""), HOME);

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.jwtSecret()).get().extracting(Config.EnvSecret::variable).isEqualTo("BETTER_AUTH_SECRET");
        assertThat(config.openAi()).isEmpty();
    }

    @Test
    void should_take_a_secret_byte_for_byte() {
        Config config = Config.from(Map.of("JWT_SECRET", " spaced secret "), HOME);

        assertThat(config.jwtSecret()).get().extracting(Config.EnvSecret::value).isEqualTo(" spaced secret ");
    }

    @Test
    void should_refuse_a_port_that_is_not_a_port() {
        for (String port : List.of("http", "-1", "65536", "80.5")) {
            assertThatThrownBy(() -> Config.from(Map.of("PORT", port), HOME))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("PORT must be a number from 0 to 65535, not '" + port + "'");
        }
    }

    @Test
    void should_never_print_the_secret_or_the_database_url() {
        Config config = Config.from(Map.of("JWT_SECRET", "very-secret-value",
                "DATABASE_URL", "postgres://u:hunter2@db/todo"), HOME);

        assertThat(config.toString()).doesNotContain("very-secret-value", "hunter2").contains("JWT_SECRET=<hidden>");
    }

    @Test
    void the_database_pool_defaults_to_ten_connections_and_a_five_second_wait() {
        Config config = Config.from(Map.of(), HOME);

        assertThat(config.database()).isEqualTo(new DatabaseSettings(10, Duration.ofSeconds(5)));
    }

    @Test
    void the_database_pool_size_and_wait_are_read_from_the_environment() {
        Config config = Config.from(Map.of("DATABASE_POOL_SIZE", " 4 ", "DATABASE_POOL_WAIT", "PT0.5S"), HOME);

        assertThat(config.database()).isEqualTo(new DatabaseSettings(4, Duration.ofMillis(500)));
        assertThat(Config.from(Map.of("DATABASE_POOL_WAIT", "2s"), HOME).database().poolWait())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_pool_size_outside_one_to_a_thousand_stops_start_up_with_the_variable_named() {
        for (String size : List.of("0", "-3", "1001", "ten")) {
            assertThatThrownBy(() -> Config.from(Map.of("DATABASE_POOL_SIZE", size), HOME))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("DATABASE_POOL_SIZE must be a number from 1 to 1000, not '" + size + "'");
        }
    }

    @Test
    void a_pool_wait_too_short_too_long_or_unreadable_stops_start_up_with_the_variable_named() {
        for (String wait : List.of("PT0.1S", "6m", "soon", "0s")) {
            assertThatThrownBy(() -> Config.from(Map.of("DATABASE_POOL_WAIT", wait), HOME))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("DATABASE_POOL_WAIT");
        }
    }
}
