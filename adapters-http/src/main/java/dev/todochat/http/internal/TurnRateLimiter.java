package dev.todochat.http.internal;

import dev.todochat.application.RateLimits;
import dev.todochat.domain.UserId;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.Map;

/**
 * Runs before a chat turn: takes one turn from the client address's budget, then (once the token names the user) one
 * from the user's, and refuses with 429 and {@code Retry-After} when either is spent. The address comes first, so
 * that guessing tokens is limited too. A limit of 0 is off.
 */
final class TurnRateLimiter implements Handler {
    private final RateLimits limits;
    private final int perUser;
    private final int perAddress;
    private final ClientAddress addresses;
    private final Authentication authentication;

    TurnRateLimiter(RateLimits limits, int perUser, int perAddress, ClientAddress addresses,
                    Authentication authentication) {
        this.limits = limits;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.addresses = addresses;
        this.authentication = authentication;
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.method() != HandlerType.POST) {
            return;
        }
        if (perAddress > 0) {
            String address = addresses.of(ctx.req());
            take("address:" + address, perAddress, "from one address");
        }
        if (perUser > 0) {
            UserId caller = authentication.caller(ctx);
            take("user:" + caller.value(), perUser, "for one user");
        }
    }

    private void take(String key, int perMinute, String scope) {
        RateLimits.Decision decision = limits.check(key, perMinute);
        if (!decision.allowed()) {
            String seconds = ErrorMapping.retryAfterSeconds(decision.retryAfter());
            throw new ApiError(429, "RateLimited", "too many chat turns: at most " + perMinute + " a minute " + scope
                    + "; try again in " + seconds + " s", Map.of("Retry-After", seconds));
        }
    }
}
