package dev.todochat.mcp;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpHttpSettingsTest {

    @Test
    void an_origin_is_read_as_a_browser_sends_it() {
        assertThat(McpHttpSettings.origin(" HTTPS://App.Example.com/ ")).isEqualTo("https://app.example.com");
        assertThat(McpHttpSettings.origin("http://localhost:3000")).isEqualTo("http://localhost:3000");
        assertThat(McpHttpSettings.origin("http://localhost:*")).isEqualTo("http://localhost:*");
        assertThat(McpHttpSettings.origin("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
    }

    @Test
    void an_origin_with_a_path_or_without_a_scheme_is_refused() {
        assertThatThrownBy(() -> McpHttpSettings.origin("https://app.example.com/chat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an origin");
        assertThatThrownBy(() -> McpHttpSettings.origin("app.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McpHttpSettings.origin("ftp://app.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_host_is_a_name_with_an_optional_port_or_any_port() {
        assertThat(McpHttpSettings.host("Todo.Example.com")).isEqualTo("todo.example.com");
        assertThat(McpHttpSettings.host("todo.example.com:8443")).isEqualTo("todo.example.com:8443");
        assertThat(McpHttpSettings.host("todo.example.com:*")).isEqualTo("todo.example.com:*");
        assertThatThrownBy(() -> McpHttpSettings.host("todo.example.com/mcp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a host");
    }

    @Test
    void an_issuer_is_kept_exactly_as_written_since_clients_compare_it_character_for_character() {
        assertThat(McpHttpSettings.issuer(" https://auth.example.com/ "))
                .isEqualTo(URI.create("https://auth.example.com/"));
        assertThatThrownBy(() -> McpHttpSettings.issuer("auth.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_base_url_is_absolute_http_without_query_and_loses_its_trailing_slash() {
        assertThat(McpHttpSettings.baseUrl("https://todo.example.com/"))
                .isEqualTo(URI.create("https://todo.example.com"));
        assertThat(McpHttpSettings.baseUrl("https://example.com/todo"))
                .isEqualTo(URI.create("https://example.com/todo"));
        assertThatThrownBy(() -> McpHttpSettings.baseUrl("/mcp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McpHttpSettings.baseUrl("https://user:pw@todo.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McpHttpSettings.baseUrl("https://todo.example.com/#x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
