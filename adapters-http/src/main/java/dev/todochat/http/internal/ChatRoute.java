package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.application.TodoChat;
import dev.todochat.domain.UserId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.TurnResult;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;

/**
 * {@code POST /api/{user_id}/chat}: authenticate, check the path names the caller, read the body, run one turn. The
 * checks run in that order, so a stranger learns nothing from the body's validation.
 */
final class ChatRoute implements Handler {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final TodoChat chat;
    private final Authentication authentication;
    private final ObjectMapper json;

    ChatRoute(TodoChat chat, Authentication authentication, ObjectMapper json) {
        this.chat = chat;
        this.authentication = authentication;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        UserId caller = PathOwner.of(authentication, ctx);
        ChatRequest request = withIdempotencyKey(ChatBody.parse(RequestBody.object(ctx, json, ChatBody.EXAMPLE)), ctx);
        TurnResult result = chat.chat(caller, request);
        if (result.replayed()) {
            ctx.header(IDEMPOTENT_REPLAYED, "true");
        }
        ctx.json(ChatResponse.of(result));
    }

    /**
     * {@code Idempotency-Key}, when sent, names the request so that a retry is answered from storage; the rate limits
     * named before the route come along.
     */
    static ChatRequest withIdempotencyKey(ChatRequest request, Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        ChatRequest limited = TurnRateLimiter.limited(request, ctx);
        if (key == null) {
            return limited;
        }
        try {
            return limited.withIdempotencyKey(new IdempotencyKey(key));
        } catch (InvalidInput invalid) {
            throw new InvalidInput(IDEMPOTENCY_KEY + " " + IdempotencyKey.RULE);
        }
    }
}
