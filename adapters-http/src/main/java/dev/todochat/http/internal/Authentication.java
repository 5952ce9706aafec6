package dev.todochat.http.internal;

import dev.todochat.application.BearerToken;
import dev.todochat.domain.UserId;
import dev.todochat.http.InvalidToken;
import dev.todochat.http.SigningKeysUnavailable;
import dev.todochat.http.Tokens;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.Map;

/** Finds who is calling from the {@code Authorization: Bearer} header, or refuses the request with a 401. */
final class Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
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
        String token = switch (BearerToken.read(ctx.header("Authorization"))) {
            case BearerToken.Reading.Missing missing -> throw challenge(missing.details(), null);
            case BearerToken.Reading.Malformed malformed -> throw challenge(malformed.details(), "invalid_request");
            case BearerToken.Reading.Found found -> found.token();
        };
        try {
            return tokens.verify(token);
        } catch (InvalidToken e) {
            throw challenge(e.getMessage(), "invalid_token");
        } catch (SigningKeysUnavailable e) {
            LOG.warn("a bearer token could not be checked: {}", e.getMessage());
            throw new ApiError(503, BearerToken.UNCHECKABLE, BearerToken.UNCHECKABLE_DETAILS,
                    Map.of("Retry-After", ErrorMapping.retryAfterSeconds(BearerToken.UNCHECKABLE_RETRY)));
        }
    }

    /** RFC 6750: the challenge names an error code when a token (or header) was sent but is unusable. */
    private static ApiError challenge(String details, String errorCode) {
        String challenge = BearerToken.SCHEME + " realm=\"todochat\"" + (errorCode == null ? "" : ", error=\"" + errorCode + "\"");
        return new ApiError(401, "Unauthorized", details, Map.of("WWW-Authenticate", challenge));
    }
}
