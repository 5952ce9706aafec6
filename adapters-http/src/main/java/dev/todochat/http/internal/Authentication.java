package dev.todochat.http.internal;

import dev.todochat.domain.UserId;
import dev.todochat.http.InvalidToken;
import dev.todochat.http.SigningKeysUnavailable;
import dev.todochat.http.Tokens;
import io.javalin.http.Context;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.Map;

/** Finds who is calling from the {@code Authorization: Bearer} header, or refuses the request with a 401. */
final class Authentication {
    private static final String SCHEME = "Bearer";
    private static final String CALLER = "todochat.caller";

    private final Tokens tokens;
    private final Tracer tracer;

    Authentication(Tokens tokens, Tracer tracer) {
        this.tokens = tokens;
        this.tracer = tracer;
    }

    /** The verified caller; verified once per request, since the rate limits ask before the route does. */
    UserId caller(Context ctx) {
        UserId known = ctx.attribute(CALLER);
        if (known != null) {
            return known;
        }
        Span span = tracer.spanBuilder("authenticate").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            UserId caller = verify(ctx);
            ctx.attribute(CALLER, caller);
            return caller;
        } catch (ApiError refused) {
            span.setAttribute("http.response.status_code", refused.status());
            throw refused;
        } finally {
            span.end();
        }
    }

    private UserId verify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw challenge("send an Authorization: Bearer <token> header", null);
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length < 2 || !parts[0].equalsIgnoreCase(SCHEME)) {
            throw challenge("the Authorization header must be Bearer <token>", "invalid_request");
        }
        try {
            return tokens.verify(parts[1]);
        } catch (InvalidToken e) {
            throw challenge(e.getMessage(), "invalid_token");
        } catch (SigningKeysUnavailable e) {
            throw new ApiError(503, "AuthUnavailable", e.getMessage(), Map.of("Retry-After", "30"));
        }
    }

    /** RFC 6750: the challenge names an error code when a token (or header) was sent but is unusable. */
    private static ApiError challenge(String details, String errorCode) {
        String challenge = SCHEME + " realm=\"todochat\"" + (errorCode == null ? "" : ", error=\"" + errorCode + "\"");
        return new ApiError(401, "Unauthorized", details, Map.of("WWW-Authenticate", challenge));
    }
}
