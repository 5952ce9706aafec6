package dev.todochat.bootstrap;

import dev.todochat.domain.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rate-limit, proxy, CORS and token variables, as {@code serve} reads them. */
class GuardSettingsTest {
    @TempDir
    Path home;

    @Test
    void should_default_to_30_turns_per_user_120_per_address_no_proxy_and_no_cors() {
        Config config = Config.from(Map.of(), home);

        assertThat(config.protection().turnsPerUser()).isEqualTo(30);
        assertThat(config.protection().turnsPerAddress()).isEqualTo(120);
        assertThat(config.protection().trustedProxies().isEmpty()).isTrue();
        assertThat(config.protection().corsOrigins()).isEmpty();
        assertThat(config.tokens()).isEqualTo(new TokenSettings(Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void should_read_every_variable() throws Exception {
        Config config = Config.from(Map.of("RATE_LIMIT_USER_PER_MINUTE", "0", "RATE_LIMIT_ADDRESS_PER_MINUTE", "500",
                "TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1", "CORS_ALLOWED_ORIGINS", "https://app.example.com, "
                        + "http://localhost:3000", "JWT_JWKS_URL", "https://auth.example.com/api/auth/jwks",
                "JWT_ISSUER", "https://auth.example.com", "JWT_AUDIENCE", "https://todo.example.com"), home);

        assertThat(config.protection().turnsPerUser()).isZero();
        assertThat(config.protection().turnsPerAddress()).isEqualTo(500);
        assertThat(config.protection().trustedProxies().contains(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(config.protection().corsOrigins()).containsExactly("https://app.example.com",
                "http://localhost:3000");
        assertThat(config.tokens().jwksUrl()).contains(URI.create("https://auth.example.com/api/auth/jwks"));
        assertThat(config.tokens().issuer()).contains("https://auth.example.com");
        assertThat(config.tokens().audience()).contains("https://todo.example.com");
    }

    @Test
    void should_refuse_values_it_cannot_use_naming_the_variable() {
        Map<String, String> bad = Map.of("RATE_LIMIT_USER_PER_MINUTE", "-1", "RATE_LIMIT_ADDRESS_PER_MINUTE", "lots",
                "TRUSTED_PROXIES", "proxy.internal", "CORS_ALLOWED_ORIGINS", "*", "JWT_JWKS_URL", "ftp://keys");

        for (Map.Entry<String, String> variable : bad.entrySet()) {
            assertThatThrownBy(() -> Config.from(Map.of(variable.getKey(), variable.getValue()), home))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(variable.getKey());
        }
    }

    @Test
    void should_accept_only_key_set_tokens_and_make_no_development_secret_when_a_jwks_url_is_the_only_setting() {
        Config config = Config.from(Map.of("JWT_JWKS_URL", "https://auth.example.com/api/auth/jwks",
                "TODOCHAT_DATA_DIR", home.toString()), home);

        JwtSecret secret = JwtSecret.resolve(config, new SecureRandom());

        assertThat(secret.generated()).isFalse();
        assertThat(home.resolve("jwt-secret")).doesNotExist();
        assertThatThrownBy(() -> secret.tokens().issue(new UserId("alice"),
                Duration.ofMinutes(1))).hasMessageContaining("no JWT secret is configured");
    }

    @Test
    void should_write_the_configured_issuer_and_audience_into_local_tokens_and_require_them() throws Exception {
        Config config = Config.from(Map.of("JWT_SECRET", "x".repeat(32), "JWT_ISSUER", "https://auth.example.com",
                "JWT_AUDIENCE", "todo"), home);
        Config other = Config.from(Map.of("JWT_SECRET", "x".repeat(32), "JWT_AUDIENCE", "elsewhere"), home);
        String token = JwtSecret.resolve(config, new SecureRandom()).tokens()
                .issue(new UserId("alice"), Duration.ofMinutes(1));

        assertThat(JwtSecret.resolve(config, new SecureRandom()).tokens().verify(token).value()).isEqualTo("alice");
        assertThatThrownBy(() -> JwtSecret.resolve(other, new SecureRandom()).tokens().verify(token))
                .hasMessageContaining("audience");
    }
}
