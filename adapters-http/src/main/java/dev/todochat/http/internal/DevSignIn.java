package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code POST /api/dev/token} with {@code {"user": "alice"}}: a token for any user name, without a password. It lets a
 * newcomer try the page on their own machine; the server installs it only when told to (the embedded database with
 * the generated development secret), and everywhere else the path does not exist.
 */
final class DevSignIn implements Handler {
    static final String PATH = "/api/dev/token";
    static final Duration LIFETIME = Duration.ofHours(12);

    private final Tokens tokens;
    private final ObjectMapper json;

    DevSignIn(Tokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        String name = RequestBody.text(RequestBody.object(ctx, json, "{\"user\": \"alice\"}"), "user");
        UserId user = new UserId(name == null ? "" : name.strip());
        ctx.json(new Issued(tokens.issue(user, LIFETIME), user.value(), LIFETIME.toSeconds()));
    }

    /** The token, whom it speaks for, and for how many seconds. */
    public record Issued(String token, String user, long expiresIn) {
    }
}
