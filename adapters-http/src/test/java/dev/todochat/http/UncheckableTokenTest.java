package dev.todochat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.application.TodoChat;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.testing.ManualClock;
import dev.todochat.testing.storage.InMemoryStorage;
import io.jsonwebtoken.Jwts;
import dev.todochat.testing.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token the server cannot check right now (the auth service's key set unreachable) is a 503 to retry, not a 401
 * that would sign the user out: the same answer {@code /mcp} gives, and nothing about why (that is for the log).
 */
class UncheckableTokenTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final KeyPair KEY = TestKeys.ed25519();

    private final JwksServer jwks = JwksServer.serving(TestKeys.jwk("ed-1", TestKeys.ed25519()));
    private TodoChatHttp http;

    @AfterEach
    void stop() {
        http.close();
        jwks.close();
    }

    @Test
    void a_token_whose_key_cannot_be_fetched_gets_503_auth_unavailable_with_a_retry_hint() throws Exception {
        Tokens tokens = Tokens.builder().jwks(jwks.url()).clock(ManualClock.at(NOW)).build();
        TodoChat chat = TodoChat.builder().storage(new InMemoryStorage()).model(ScriptedModel.create()).build();
        http = TodoChatHttp.builder().chat(chat).tokens(tokens).databaseReachable(() -> true).port(0).start();
        jwks.close();
        String token = Jwts.builder().header().keyId("ed-2").and().subject("alice")
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plus(Duration.ofMinutes(15))))
                .signWith(KEY.getPrivate(), Jwts.SIG.EdDSA).compact();

        HttpResponse<String> reply;
        try (CapturedLog keys = CapturedLog.of("dev.todochat.http.internal.JwksKeySet");
             CapturedLog checks = CapturedLog.of("dev.todochat.http.internal.Authentication")) {
            reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + http.port() + "/api/alice/tasks"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(checks.messages()).as("why, for the operator").singleElement().asString()
                    .startsWith("a bearer token could not be checked: ");
            assertThat(keys.messages()).allSatisfy(line -> assertThat(line).contains("cannot fetch the signing keys"));
        }

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).contains("5");
        assertThat(reply.headers().firstValue("WWW-Authenticate")).isEmpty();
        JsonNode body = new ObjectMapper().readTree(reply.body());
        assertThat(body.get("error").asText()).isEqualTo("AuthUnavailable");
        assertThat(body.get("details").asText()).isEqualTo("the token cannot be checked right now; try again shortly");
    }
}
