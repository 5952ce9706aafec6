package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * {@code POST /api/dev/token} with {@code {"user": "alice"}}: a token for any user name, without a password. It lets a
 * newcomer try the page on their own machine; the server installs it only when told to (the embedded database with
 * the generated development secret), and everywhere else the path does not exist. Even then it answers only clients
 * on this machine, by the TCP peer's address: a server opened to the network with {@code HOST} must not hand out
 * tokens to anyone who reaches it, and {@code X-Forwarded-For} is the client's word, not a fact.
 */
final class DevSignIn implements Handler {
    static final String PATH = "/api/dev/token";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final String EXAMPLE = "{\"user\": \"alice\"}";

    private final Tokens tokens;
    private final ObjectMapper json;

    DevSignIn(Tokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        boolean local = IpLiteral.parse(ctx.req().getRemoteAddr()).map(InetAddress::isLoopbackAddress).orElse(false);
        if (!local) {
            throw ApiError.forbidden("the development sign-in answers only on the machine the server runs on; from"
                    + " elsewhere, sign in with a token (java -jar todochat.jar token --user NAME), or set JWT_SECRET"
                    + " and let your application issue them");
        }
        JsonNode body = RequestBody.object(ctx, json, EXAMPLE);
        String name = RequestBody.text(body, "user");
        if (name == null) {
            throw RequestBody.missing(body, "user", EXAMPLE);
        }
        UserId user = new UserId(name.strip());
        ctx.json(new Issued(tokens.issue(user, LIFETIME), user.value(), LIFETIME.toSeconds()));
    }

    /** The token, whom it speaks for, and for how many seconds. */
    public record Issued(String token, String user, long expiresIn) {
    }
}
