package dev.todochat.bootstrap;

import dev.todochat.domain.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSecretTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dataDir;

    @Test
    void should_generate_a_private_development_secret_once_and_reuse_it() throws Exception {
        Config config = configWith(Map.of());

        JwtSecret first = JwtSecret.resolve(config, random);
        String stored = Files.readString(config.jwtSecretFile());
        JwtSecret second = JwtSecret.resolve(config, random);

        assertThat(first.generated()).isTrue();
        assertThat(first.source()).isEqualTo(config.jwtSecretFile().toString());
        assertThat(stored.strip()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(config.jwtSecretFile())).isEqualTo(stored);
        assertThat(Files.getPosixFilePermissions(config.jwtSecretFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = first.tokens().issue(new UserId("alice"), Duration.ofMinutes(5));
        assertThat(second.tokens().verify(token)).isEqualTo(new UserId("alice"));
        assertThat(dataDir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void should_sign_with_the_file_text_exactly_as_if_it_were_jwt_secret() throws Exception {
        JwtSecret generated = JwtSecret.resolve(configWith(Map.of()), random);
        String text = Files.readString(dataDir.resolve("jwt-secret")).strip();

        JwtSecret fromVariable = JwtSecret.resolve(configWith(Map.of("JWT_SECRET", text)), random);

        String token = generated.tokens().issue(new UserId("alice"), Duration.ofMinutes(5));
        assertThat(fromVariable.tokens().verify(token)).isEqualTo(new UserId("alice"));
    }

    @Test
    void should_use_the_variable_and_create_no_file_when_a_secret_is_set() {
        JwtSecret secret = JwtSecret.resolve(configWith(Map.of("BETTER_AUTH_SECRET", "x".repeat(32))), random);

        assertThat(secret.generated()).isFalse();
        assertThat(secret.source()).isEqualTo("BETTER_AUTH_SECRET");
        assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void should_refuse_a_short_secret_naming_the_variable() {
        JwtSecret secret = JwtSecret.resolve(configWith(Map.of("JWT_SECRET", "changeme")), random);

        assertThatThrownBy(secret::tokens).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("JWT_SECRET: the JWT secret is 8 bytes long")
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void should_say_how_to_recover_from_a_damaged_secret_file() throws IOException {
        Files.writeString(dataDir.resolve("jwt-secret"), "short\n");

        JwtSecret secret = JwtSecret.resolve(configWith(Map.of()), random);

        assertThatThrownBy(secret::tokens).isInstanceOf(ConfigException.class)
                .hasMessageContaining("delete the file to have a new one generated");
    }

    private Config configWith(Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("TODOCHAT_DATA_DIR", dataDir.toString());
        return Config.from(env, Path.of("/nonexistent-home"));
    }
}
