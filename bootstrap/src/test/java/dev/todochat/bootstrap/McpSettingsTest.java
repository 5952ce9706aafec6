package dev.todochat.bootstrap;

import dev.todochat.mcp.McpHttpSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpSettingsTest {

    @Test
    void should_allow_loopback_only_and_advertise_no_issuer_when_nothing_is_set() {
        assertThat(McpSettings.from(Map.of())).isEqualTo(McpHttpSettings.loopbackOnly());
    }

    @Test
    void should_read_comma_separated_origins_hosts_and_issuers_and_the_public_url() {
        McpHttpSettings settings = McpSettings.from(Map.of(
                "MCP_ALLOWED_ORIGINS", "https://app.example.com, http://localhost:3000/,",
                "MCP_ALLOWED_HOSTS", "Todo.Example.com,todo.internal:*",
                "TODOCHAT_PUBLIC_URL", "https://todo.example.com/",
                "MCP_AUTHORIZATION_SERVERS", "https://auth.example.com"));

        assertThat(settings.allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
        assertThat(settings.allowedHosts()).containsExactly("todo.example.com", "todo.internal:*");
        assertThat(settings.publicUrl()).contains(URI.create("https://todo.example.com"));
        assertThat(settings.authorizationServers()).containsExactly(URI.create("https://auth.example.com"));
    }

    @Test
    void should_advertise_the_token_issuer_when_it_is_a_url_and_no_authorization_server_is_named() {
        assertThat(McpSettings.from(Map.of("JWT_ISSUER", "https://auth.example.com/")).authorizationServers())
                .containsExactly(URI.create("https://auth.example.com/"));
        assertThat(McpSettings.from(Map.of("JWT_ISSUER", "todochat")).authorizationServers()).isEmpty();
        assertThat(McpSettings.from(Map.of("JWT_ISSUER", "https://auth.example.com",
                "MCP_AUTHORIZATION_SERVERS", "https://login.example.com")).authorizationServers())
                .containsExactly(URI.create("https://login.example.com"));
    }

    @Test
    void should_name_the_variable_whose_value_cannot_work() {
        assertThatThrownBy(() -> McpSettings.from(Map.of("MCP_ALLOWED_ORIGINS", "app.example.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MCP_ALLOWED_ORIGINS: 'app.example.com' is not an origin");
        assertThatThrownBy(() -> McpSettings.from(Map.of("MCP_ALLOWED_HOSTS", "https://todo.example.com")))
                .hasMessageStartingWith("MCP_ALLOWED_HOSTS: 'https://todo.example.com' is not a host");
        assertThatThrownBy(() -> McpSettings.from(Map.of("TODOCHAT_PUBLIC_URL", "todo.example.com")))
                .hasMessageStartingWith("TODOCHAT_PUBLIC_URL: 'todo.example.com' is not an absolute http(s) URL");
        assertThatThrownBy(() -> McpSettings.from(Map.of("MCP_AUTHORIZATION_SERVERS", "https://a.example?x=1")))
                .hasMessageStartingWith("MCP_AUTHORIZATION_SERVERS: 'https://a.example?x=1' is not an absolute");
    }
}
