package dev.todochat.http.internal;

import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.RateLimit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs before a chat turn: names the budgets the turn takes one turn from, the client address's and (once the token
 * names the user) the user's. The turn takes them in its first transaction, in one statement with nothing else to
 * wait for, and is refused with 429 and {@code Retry-After} when either is spent. A limit of 0 is off.
 */
final class TurnRateLimiter implements Handler {
    private static final String LIMITS = "todochat.rateLimits";

    private final int perUser;
    private final int perAddress;
    private final ClientAddress addresses;
    private final Authentication authentication;

    TurnRateLimiter(int perUser, int perAddress, ClientAddress addresses, Authentication authentication) {
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
        List<RateLimit> limits = new ArrayList<>(2);
        if (perAddress > 0) {
            limits.add(new RateLimit("address:" + addresses.of(ctx.req()), perAddress, "from one address"));
        }
        if (perUser > 0) {
            UserId caller = authentication.caller(ctx);
            limits.add(new RateLimit("user:" + caller.value(), perUser, "for one user"));
        }
        ctx.attribute(LIMITS, List.copyOf(limits));
    }

    /** {@code request} limited by the budgets named for this request, if any. */
    static ChatRequest limited(ChatRequest request, Context ctx) {
        List<RateLimit> limits = ctx.attribute(LIMITS);
        return limits == null ? request : request.limitedBy(limits);
    }
}
