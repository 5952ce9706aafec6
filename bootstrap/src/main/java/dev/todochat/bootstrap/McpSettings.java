package dev.todochat.bootstrap;

import dev.todochat.mcp.McpHttpSettings;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.todochat.bootstrap.Env.value;

/**
 * Reads the settings of the MCP endpoint at {@code /mcp}: which browser origins and host names may use it besides
 * the loopback ones, the public URL when a proxy stands in front, and the token issuers to advertise to clients.
 */
final class McpSettings {
    private McpSettings() {
    }

    static McpHttpSettings from(Map<String, String> env) {
        return new McpHttpSettings(
                list(env, "MCP_ALLOWED_ORIGINS", McpHttpSettings::origin),
                list(env, "MCP_ALLOWED_HOSTS", McpHttpSettings::host),
                value(env, "TODOCHAT_PUBLIC_URL")
                        .map(url -> checked("TODOCHAT_PUBLIC_URL", url, McpHttpSettings::baseUrl)),
                authorizationServers(env));
    }

    /**
     * {@code MCP_AUTHORIZATION_SERVERS}, else the token issuer {@code JWT_ISSUER} when it is a URL (an OAuth issuer
     * such as Better Auth's is), else none.
     */
    private static List<URI> authorizationServers(Map<String, String> env) {
        List<URI> configured = list(env, "MCP_AUTHORIZATION_SERVERS", McpHttpSettings::issuer);
        if (!configured.isEmpty()) {
            return configured;
        }
        return value(env, "JWT_ISSUER").flatMap(McpSettings::asIssuerUrl).map(List::of).orElse(List.of());
    }

    private static Optional<URI> asIssuerUrl(String issuer) {
        try {
            return Optional.of(McpHttpSettings.issuer(issuer));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    private static <T> List<T> list(Map<String, String> env, String variable, Function<String, T> parse) {
        return value(env, variable).stream()
                .flatMap(text -> Arrays.stream(text.split(",")))
                .filter(item -> !item.isBlank())
                .map(item -> checked(variable, item, parse))
                .toList();
    }

    private static <T> T checked(String variable, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable + ": " + e.getMessage());
        }
    }
}
