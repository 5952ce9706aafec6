package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.mcp.McpHttpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What stands in front of {@code /mcp}, over plain HTTP: the token check with its challenge, the origin and host
 * checks, the protocol version, the methods a stateless server refuses, and the metadata documents. A refused call
 * changes nothing.
 */
class McpEndpointGuardTest {
    private static final String ADD_MILK = """
            {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
             "params": {"name": "add_task", "arguments": {"title": "buy milk"}}}""";

    private final HttpClient client = HttpClient.newHttpClient();
    private RunningServer server = RunningServer.with(new OfflineAssistant());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_call_with_a_good_token_from_an_allowed_place_adds_the_task() throws Exception {
        HttpResponse<String> reply = post(Map.of("Authorization", bearer("alice"),
                "Origin", server.baseUrl(), "MCP-Protocol-Version", "2025-06-18"), ADD_MILK);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(McpClients.parse(reply.body()).at("/result/structuredContent/title").asText()).isEqualTo("buy milk");
        assertThat(server.tasksOf("alice")).hasSize(1);
    }

    @Test
    void no_token_is_a_401_that_points_to_the_resource_metadata_and_changes_nothing() throws Exception {
        HttpResponse<String> reply = post(Map.of(), ADD_MILK);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.headers().firstValue("WWW-Authenticate")).contains("Bearer resource_metadata=\""
                + server.baseUrl() + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(McpClients.parse(reply.body()).get("error").asText()).isEqualTo("Unauthorized");
        assertThat(server.totalRows()).isZero();
    }

    @Test
    void a_forged_token_or_another_scheme_is_a_401_naming_the_error_and_changes_nothing() throws Exception {
        String token = server.tokenFor("alice");
        String forged = token.substring(0, token.lastIndexOf('.')) + ".forged";

        HttpResponse<String> reply = post(Map.of("Authorization", "Bearer " + forged), ADD_MILK);
        HttpResponse<String> basic = post(Map.of("Authorization", "Basic YWxpY2U6c2VjcmV0"), ADD_MILK);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .startsWith("Bearer error=\"invalid_token\"").contains("resource_metadata=\""));
        assertThat(McpClients.parse(reply.body()).get("details").asText()).contains("token");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_request\""));
        assertThat(server.totalRows()).isZero();
    }

    @Test
    void a_foreign_origin_is_a_403_even_with_a_good_token_and_changes_nothing() throws Exception {
        HttpResponse<String> reply = post(Map.of("Authorization", bearer("alice"),
                "Origin", "https://evil.example"), ADD_MILK);

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(McpClients.parse(reply.body()).get("details").asText()).contains("https://evil.example");
        assertThat(server.totalRows()).isZero();
    }

    @Test
    void a_foreign_host_is_a_421_since_dns_rebinding_arrives_under_a_foreign_name() throws Exception {
        String status = rawPost("evil.example:" + URI.create(server.baseUrl()).getPort(), ADD_MILK);

        assertThat(status).startsWith("HTTP/1.1 421");
        assertThat(server.totalRows()).isZero();
    }

    @Test
    void configured_origins_and_hosts_are_allowed_besides_loopback() throws Exception {
        server.close();
        server = RunningServer.with(new OfflineAssistant(), new McpHttpSettings(List.of("https://app.example.com"),
                List.of("todo.internal:*"), Optional.empty(), List.of()));

        HttpResponse<String> fromApp = post(Map.of("Authorization", bearer("alice"),
                "Origin", "https://app.example.com"), ADD_MILK);
        String throughInternalName = rawPost("todo.internal:" + URI.create(server.baseUrl()).getPort(), ADD_MILK);

        assertThat(fromApp.statusCode()).isEqualTo(200);
        assertThat(throughInternalName).startsWith("HTTP/1.1 200");
        assertThat(server.tasksOf("alice")).hasSize(2);
    }

    @Test
    void an_unsupported_protocol_version_is_a_400_and_an_absent_one_means_2025_03_26() throws Exception {
        HttpResponse<String> unsupported = post(Map.of("Authorization", bearer("alice"),
                "MCP-Protocol-Version", "2024-01-01"), ADD_MILK);
        HttpResponse<String> absent = post(Map.of("Authorization", bearer("alice")), ADD_MILK);

        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(McpClients.parse(unsupported.body()).get("details").asText())
                .contains("2024-01-01", "2025-03-26", "2025-06-18", "2025-11-25");
        assertThat(absent.statusCode()).isEqualTo(200);
        assertThat(server.tasksOf("alice")).hasSize(1);
    }

    @Test
    void get_and_delete_are_405_since_a_stateless_server_has_no_stream_and_no_session() throws Exception {
        HttpResponse<String> get = send(request(Map.of("Authorization", bearer("alice"))).GET().build());
        HttpResponse<String> delete = send(request(Map.of("Authorization", bearer("alice"))).DELETE().build());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void the_protected_resource_metadata_is_public_at_both_well_known_paths() throws Exception {
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp",
                "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build());

            assertThat(reply.statusCode()).as(path).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            JsonNode metadata = McpClients.parse(reply.body());
            assertThat(metadata.get("resource").asText()).isEqualTo(server.baseUrl() + "/mcp");
            assertThat(metadata.get("bearer_methods_supported")).containsExactly(McpClients.parse("\"header\""));
            assertThat(metadata.has("authorization_servers")).isFalse();
        }
    }

    @Test
    void behind_a_proxy_the_metadata_names_the_public_url_and_the_configured_issuer() throws Exception {
        server.close();
        server = RunningServer.with(new OfflineAssistant(), new McpHttpSettings(List.of(), List.of(),
                Optional.of(URI.create("https://todo.example.com")), List.of(URI.create("https://auth.example.com"))));

        JsonNode metadata = McpClients.parse(send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/.well-known/oauth-protected-resource/mcp")).build()).body());
        HttpResponse<String> unauthenticated = post(Map.of(), ADD_MILK);

        assertThat(metadata.get("resource").asText()).isEqualTo("https://todo.example.com/mcp");
        assertThat(metadata.get("authorization_servers")).containsExactly(
                McpClients.parse("\"https://auth.example.com\""));
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer resource_metadata=\"https://todo.example.com/.well-known/oauth-protected-resource/mcp\"");
    }

    private String bearer(String user) {
        return "Bearer " + server.tokenFor(user);
    }

    private HttpResponse<String> post(Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return send(request(headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a Host header of our choosing (the JDK's client sets Host itself); answers the status line. */
    private String rawPost(String host, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + bearer("alice")
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
                + "\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", URI.create(server.baseUrl()).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.lines().findFirst().orElse("");
        }
    }
}
