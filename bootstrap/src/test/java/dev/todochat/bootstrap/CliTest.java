package dev.todochat.bootstrap;

import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a shell sees it: exit status, standard output, standard error. */
class CliTest {
    private CommandLine commandLine;

    @TempDir
    Path dataDir;

    @BeforeEach
    void a_command_line() {
        commandLine = new CommandLine(dataDir);
    }

    @Test
    void token_prints_only_a_token_that_the_servers_secret_verifies() throws Exception {
        int status = commandLine.run(Map.of(), "token", "--user", "alice");

        assertThat(status).isZero();
        String stdout = commandLine.stdout();
        assertThat(stdout).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n");
        byte[] secret = Files.readString(dataDir.resolve("jwt-secret")).strip().getBytes(StandardCharsets.UTF_8);
        assertThat(new Tokens(secret, Clock.systemUTC()).verify(stdout.strip())).isEqualTo(new UserId("alice"));
        assertThat(commandLine.stderr()).contains("development secret", dataDir.resolve("jwt-secret").toString());
    }

    @Test
    void token_signs_with_jwt_secret_when_it_is_set_and_says_nothing_else() throws Exception {
        String secret = "a-production-secret-of-32-bytes-or-more";

        int status = commandLine.run(Map.of("JWT_SECRET", secret), "token", "--user", "bob", "--ttl", "30m");

        assertThat(status).isZero();
        assertThat(new Tokens(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                .verify(commandLine.stdout().strip()))
                .isEqualTo(new UserId("bob"));
        assertThat(commandLine.stderr()).isEmpty();
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void token_does_not_start_postgresql() {
        commandLine.run(Map.of(), "token", "--user", "alice");

        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void token_with_a_short_secret_fails_with_a_clear_message() {
        int status = commandLine.run(Map.of("JWT_SECRET", "changeme"), "token", "--user", "alice");

        assertThat(status).isEqualTo(1);
        assertThat(commandLine.stdout()).isEmpty();
        assertThat(commandLine.stderr()).contains("JWT_SECRET", "at least 32 bytes");
    }

    @Test
    void an_unknown_command_prints_the_usage_on_stderr_and_exits_2() {
        int status = commandLine.run(Map.of(), "start");

        assertThat(status).isEqualTo(2);
        assertThat(commandLine.stdout()).isEmpty();
        assertThat(commandLine.stderr()).startsWith("todochat: unknown command 'start'").contains("Usage:");
    }

    @Test
    void bad_flags_print_the_usage_on_stderr_and_exit_2() {
        int status = commandLine.run(Map.of(), "token", "--ttl", "1h");

        assertThat(status).isEqualTo(2);
        assertThat(commandLine.stdout()).isEmpty();
        assertThat(commandLine.stderr()).contains("token needs --user ID", "Usage:");
    }

    @Test
    void help_prints_the_usage_on_stdout() {
        int status = commandLine.run(Map.of(), "--help");

        assertThat(status).isZero();
        assertThat(commandLine.stdout()).startsWith("Usage:").contains("serve", "token --user ID", "migrate");
        assertThat(commandLine.stderr()).isEmpty();
    }

    @Test
    void a_bad_port_fails_before_anything_starts() {
        int status = commandLine.run(Map.of("PORT", "eighty"), "serve");

        assertThat(status).isEqualTo(1);
        assertThat(commandLine.stderr()).contains("PORT must be a number");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void migrate_against_an_unreachable_database_fails_with_its_reasons_and_no_stack_trace() {
        int status = commandLine.run(Map.of("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none"), "migrate");

        assertThat(status).isEqualTo(1);
        assertThat(commandLine.stdout()).isEmpty();
        assertThat(commandLine.stderr()).startsWith("todochat: ").contains("\n  caused by: ", "refused")
                .doesNotContain("\tat ");
    }

    @Test
    void a_database_url_that_cannot_be_used_is_reported_by_its_variable() {
        int status = commandLine.run(Map.of("DATABASE_URL", "mysql://db/todo"), "migrate");

        assertThat(status).isEqualTo(1);
        assertThat(commandLine.stderr()).startsWith("todochat: DATABASE_URL: the database URL must look like");
    }
}
