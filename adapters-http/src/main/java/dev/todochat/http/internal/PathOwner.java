package dev.todochat.http.internal;

import dev.todochat.domain.UserId;
import io.javalin.http.Context;

/**
 * The owner of everything under {@code /api/{user_id}/...}: the authenticated caller, who must be the path's user.
 * Authentication comes first (401), then the path (403), and only then the request's own checks, so a stranger
 * learns nothing from validation errors.
 */
final class PathOwner {
    private PathOwner() {
    }

    static UserId of(Authentication authentication, Context ctx) {
        UserId caller = authentication.caller(ctx);
        if (!caller.value().equals(ctx.pathParam("user_id"))) {
            throw ApiError.forbidden("the token is for another user; use the paths under /api/" + caller.value() + "/");
        }
        return caller;
    }
}
