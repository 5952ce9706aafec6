package dev.todochat.bootstrap;

import dev.todochat.domain.chat.ChatLimits;
import dev.todochat.llm.openai.OpenAiSettings;
import dev.todochat.mcp.McpHttpSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static dev.todochat.bootstrap.Env.value;

/**
 * The server's settings, read from environment variables (documented in {@code docs/configuration.md}). Blank
 * variables count as unset. Reading them has no side effects: the secret file and the database come later.
 *
 * @param port            {@code PORT}, default 8080
 * @param host            {@code HOST}, the address to listen on; unset means loopback in development mode and every
 *                        interface otherwise (see {@link Listening})
 * @param databaseUrl     {@code DATABASE_URL}; unset means an embedded PostgreSQL under the data folder
 * @param database        the pool to {@code DATABASE_URL}: {@code DATABASE_POOL_SIZE} and {@code DATABASE_POOL_WAIT}
 * @param dataDir         {@code TODOCHAT_DATA_DIR}, default {@code ~/.todochat} with {@code ~} from {@code HOME}
 * @param jwtSecret       {@code JWT_SECRET}, else {@code BETTER_AUTH_SECRET}; unset means a generated one in the data
 *                        folder
 * @param openAi          the OpenAI-compatible model, when {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL} is set;
 *                        otherwise the offline assistant answers
 * @param mcp             the MCP endpoint's {@code MCP_ALLOWED_ORIGINS}, {@code MCP_ALLOWED_HOSTS},
 *                        {@code TODOCHAT_PUBLIC_URL} and {@code MCP_AUTHORIZATION_SERVERS}
 * @param tokens          {@code JWT_JWKS_URL}, {@code JWT_ISSUER} and {@code JWT_AUDIENCE}
 * @param protection      the rate limits, {@code TRUSTED_PROXIES} and {@code CORS_ALLOWED_ORIGINS}
 * @param limits          the turn lease ({@code TURN_LEASE}) and the lifetime of idempotency keys
 *                        ({@code IDEMPOTENCY_KEY_TTL})
 */
record Config(int port, Optional<String> host, Optional<String> databaseUrl, DatabaseSettings database, Path dataDir,
              Optional<EnvSecret> jwtSecret, Optional<OpenAiSettings> openAi, McpHttpSettings mcp, TokenSettings tokens,
              Protection protection, ChatLimits limits) {
    static final int DEFAULT_PORT = 8080;

    /**
     * @param home the account's home folder as the JVM knows it ({@code user.home}); {@code HOME} wins when set
     */
    static Config from(Map<String, String> env, Path home) {
        return new Config(
                Env.number(env, "PORT", DEFAULT_PORT, 0, 65_535),
                value(env, "HOST"),
                value(env, "DATABASE_URL"),
                DatabaseSettings.from(env),
                value(env, "TODOCHAT_DATA_DIR").map(Path::of).orElse(home(env, home).resolve(".todochat"))
                        .toAbsolutePath(),
                secret(env, "JWT_SECRET").or(() -> secret(env, "BETTER_AUTH_SECRET")),
                ModelSettings.from(env),
                McpSettings.from(env),
                TokenSettings.from(env),
                Protection.from(env),
                TurnSettings.from(env));
    }

    /** Where the embedded PostgreSQL keeps its data when {@code DATABASE_URL} is unset (it adds the folder itself). */
    Path embeddedPostgresDir() {
        return dataDir.resolve("postgres");
    }

    /** Where the generated development secret lives when no secret variable is set. */
    Path jwtSecretFile() {
        return dataDir.resolve("jwt-secret");
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", host=" + host.orElse("<unset>") + ", databaseUrl="
                + (databaseUrl.isPresent() ? "<set>" : "<unset>") + ", database=" + database + ", dataDir=" + dataDir
                + ", jwtSecret=" + jwtSecret.map(EnvSecret::toString).orElse("<file>")
                + ", openAi=" + openAi.map(OpenAiSettings::toString).orElse("<offline assistant>") + ", mcp=" + mcp
                + ", tokens=" + tokens + ", protection=" + protection + ", limits=" + limits + "]";
    }

    /** A secret from the environment, taken byte for byte, with its variable's name for messages. Never printed. */
    record EnvSecret(String variable, String value) {
        @Override
        public String toString() {
            return variable + "=<hidden>";
        }
    }

    /**
     * {@code ~} as shells read it: {@code HOME} when set. The JVM's {@code user.home} comes from the password database
     * instead, so a fresh {@code HOME} (a sandbox, a CI job, {@code HOME=$(mktemp -d)}) would still reopen the
     * account's old data.
     */
    static Path home(Map<String, String> env, Path userHome) {
        return value(env, "HOME").map(Path::of).orElse(userHome);
    }

    private static Optional<EnvSecret> secret(Map<String, String> env, String name) {
        return Env.exact(env, name).map(v -> new EnvSecret(name, v));
    }

}
