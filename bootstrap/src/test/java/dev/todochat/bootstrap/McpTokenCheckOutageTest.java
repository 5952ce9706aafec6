package dev.todochat.bootstrap;

import dev.todochat.application.TodoChat;
import dev.todochat.http.TodoChatHttp;
import dev.todochat.http.Tokens;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.mcp.McpHttpEndpoint;
import dev.todochat.mcp.McpHttpSettings;
import dev.todochat.mcp.TodoChatMcp;
import dev.todochat.persistence.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token that cannot be checked right now (the auth service's key set unreachable) is a 503 to retry, not a 401 that
 * would send the client to sign in again.
 */
class McpTokenCheckOutageTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final PostgresDatabase database = PostgresDatabase.connect("postgres://postgres@127.0.0.1:1/none", 1);
    private TodoChatHttp http;

    @AfterEach
    void stop() {
        http.close();
        database.close();
    }

    @Test
    void a_verifier_that_cannot_answer_gives_503_with_retry_after() throws Exception {
        TodoChat chat = TodoChat.builder().storage(database.storage()).model(new OfflineAssistant()).build();
        McpHttpEndpoint mcp = TodoChatMcp.streamableHttp(chat, token -> {
            throw new IllegalStateException("the key set cannot be fetched");
        }, McpHttpSettings.loopbackOnly());
        TodoChatHttp.Builder builder = TodoChatHttp.builder().chat(chat).tokens(new Tokens(RunningServer.SECRET, Clock.systemUTC()))
                .databaseReachable(() -> false).port(0);
        mcp.filters().forEach(builder::filter);
        mcp.servlets().forEach(builder::servlet);
        http = builder.start();

        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + http.port() + "/mcp"))
                .header("Authorization", "Bearer some.token.here")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).contains("5");
        assertThat(reply.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(reply.body()).contains("cannot be checked right now").doesNotContain("key set");
        assertThat(logs.problems()).singleElement().satisfies(warning -> {
            // an outage of the key set, not a bug: its cause on the one line, no stack trace (as over HTTP)
            assertThat(warning.getFormattedMessage())
                    .isEqualTo("a bearer token could not be checked: the key set cannot be fetched");
            assertThat(warning.getThrowableProxy()).isNull();
        });
    }
}
