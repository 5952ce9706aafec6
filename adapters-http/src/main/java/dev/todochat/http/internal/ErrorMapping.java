package dev.todochat.http.internal;

import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RetryHint;
import dev.todochat.domain.chat.ConversationBusy;
import dev.todochat.domain.chat.IdempotencyKeyReused;
import dev.todochat.domain.chat.RateLimited;
import dev.todochat.domain.chat.TurnTimedOut;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.port.StorageUnavailable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Turns every failure into {@code {"error": kind, "details": sentence}} with the right status. Bad input is never a
 * 500; a 500 is a bug, logged with its stack trace under a request id that the answer quotes, and never shows more.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** A conflict whose end the domain cannot know (a running request, a lost turn) usually clears within a second. */
    private static final Duration CONFLICT_RETRY_AFTER = Duration.ofSeconds(1);

    private final BooleanSupplier databaseReachable;

    ErrorMapping(BooleanSupplier databaseReachable) {
        this.databaseReachable = databaseReachable;
    }

    void install(RoutesConfig routes) {
        // Javalin hands its own 404/405 only to a handler registered for exactly this type
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, of(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> write(ctx, of(e, ctx)));
    }

    /** The answer for a failure, by its kind; also used for the error event of a stream that already began. */
    ApiError of(Exception e, Context ctx) {
        return switch (e) {
            case ApiError error -> error;
            case InvalidInput invalid -> ApiError.validationFailed(invalid.getMessage());
            case NotFound missing -> ApiError.notFound(missing.getMessage());
            case ModelFailure failure -> modelError(failure);
            case TurnTimedOut timedOut -> new ApiError(504, "TurnTimeout", timedOut.getMessage());
            case ConversationBusy busy -> new ApiError(409, "Conflict", conflictDetails(busy),
                    Map.of("Retry-After", retryAfterSeconds(busy.retryAfter().orElse(CONFLICT_RETRY_AFTER))));
            case RateLimited limited -> new ApiError(429, "RateLimited", limited.getMessage(),
                    Map.of("Retry-After", retryAfterSeconds(limited.retryAfter())));
            case IdempotencyKeyReused reused -> new ApiError(422, "IdempotencyKeyReused",
                    "this " + ChatRoute.IDEMPOTENCY_KEY + " was already used for a different request");
            case StorageBusy busy -> overloaded(busy, ctx);
            case StorageUnavailable lost -> databaseLost(lost, ctx);
            case HttpResponseException http -> fromJavalin(http, ctx);
            default -> unexpected(e, ctx);
        };
    }

    private static ApiError modelError(ModelFailure failure) {
        return switch (failure.kind()) {
            case UPSTREAM_ERROR -> new ApiError(502, "ModelError", failure.getMessage());
            case UNAVAILABLE, RATE_LIMITED -> new ApiError(503, "ModelUnavailable", failure.getMessage(),
                    Map.of("Retry-After", retryAfterSeconds(failure.retryAfter().orElse(DEFAULT_RETRY_AFTER))));
            case TIMEOUT -> new ApiError(504, "ModelTimeout", failure.getMessage());
        };
    }

    /** The domain speaks of an idempotency key; a client of this API knows it as the header it sent. */
    private static String conflictDetails(ConversationBusy busy) {
        return busy.conflict() == ConversationBusy.Conflict.KEY_IN_USE
                ? "a request with this " + ChatRoute.IDEMPOTENCY_KEY + " is still running"
                : busy.getMessage();
    }

    static String retryAfterSeconds(Duration wait) {
        return Long.toString(RetryHint.wholeSeconds(wait));
    }

    private static ApiError fromJavalin(HttpResponseException e, Context ctx) {
        String request = ctx.req().getMethod() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 404 -> ApiError.notFound("there is no endpoint " + request);
            case 405 -> new ApiError(405, "MethodNotAllowed", "the method is not allowed here: " + request);
            default -> new ApiError(e.getStatus(), "HttpError", e.getMessage());
        };
    }

    /** Overload is not a bug: a line for the operator (no stack trace), a 503 the client can act on. */
    private static ApiError overloaded(StorageBusy busy, Context ctx) {
        LOG.warn("request {} ({} {}) refused: every database connection is in use", RequestIds.current(),
                ctx.req().getMethod(), ctx.path());
        return new ApiError(503, "ServerBusy", busy.getMessage(),
                Map.of("Retry-After", retryAfterSeconds(busy.retryAfter())));
    }

    /** A database restarting or gone is not a bug either: a line for the operator, a 503 the client can act on. */
    private static ApiError databaseLost(StorageUnavailable lost, Context ctx) {
        LOG.warn("request {} ({} {}) refused: the database cannot be reached", RequestIds.current(),
                ctx.req().getMethod(), ctx.path());
        return new ApiError(503, "DatabaseUnavailable", lost.getMessage() + " (request id " + RequestIds.current()
                + ")", Map.of("Retry-After", retryAfterSeconds(lost.retryAfter())));
    }

    private ApiError unexpected(Exception e, Context ctx) {
        String requestId = RequestIds.current();
        LOG.error("request {} ({} {}) failed", requestId, ctx.req().getMethod(), ctx.path(), e);
        if (!databaseReachable.getAsBoolean()) {
            return new ApiError(503, "DatabaseUnavailable", "the database cannot be reached right now; try again"
                    + " shortly (request id " + requestId + ")", Map.of("Retry-After", "5"));
        }
        return new ApiError(500, "InternalError", "something went wrong on our side; it has been logged with request"
                + " id " + requestId);
    }

    private static void write(Context ctx, ApiError error) {
        error.headers().forEach(ctx::header);
        ctx.status(error.status()).json(new ErrorBody(error.kind(), error.details()));
    }
}
