package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.application.TodoChat;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.TurnResult;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/{user_id}/chat/stream}: the same turn as {@code /chat}, answered as Server-Sent Events: first a
 * {@code conversation} event naming the conversation the message was recorded in (before any model call, so a client
 * that loses the connection can find the transcript), a {@code delta} event for each piece of text as the model
 * writes it, a {@code tool_call} event for each tool once its round is committed, then one {@code done} event with
 * exactly the body {@code /chat} would have answered. Until the first event the stream has not begun, so everything
 * refused before the turn's first transaction commits (auth, validation, 404, 409, 422, 429) is a plain JSON error
 * with its status; a failure after that ends the stream with an {@code error} event carrying
 * {@code {"error", "details"}} (and {@code retry_after} in seconds when the status would have had {@code Retry-After}).
 */
final class ChatStreamRoute implements Handler {
    private final TodoChat chat;
    private final Authentication authentication;
    private final ObjectMapper json;
    private final ErrorMapping errors;

    ChatStreamRoute(TodoChat chat, Authentication authentication, ObjectMapper json, ErrorMapping errors) {
        this.chat = chat;
        this.authentication = authentication;
        this.json = json;
        this.errors = errors;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        UserId caller = PathOwner.of(authentication, ctx);
        ChatRequest request = ChatRoute.withIdempotencyKey(
                ChatBody.parse(RequestBody.object(ctx, json, ChatBody.EXAMPLE)), ctx);
        EventStream events = new EventStream(ctx, json);
        TurnResult result;
        try {
            result = chat.chat(caller, request, events);
        } catch (RuntimeException failure) {
            if (!events.begun()) {
                throw failure;
            }
            events.send("error", errorEvent(errors.of(failure, ctx)));
            return;
        }
        if (result.replayed()) {
            ctx.header(ChatRoute.IDEMPOTENT_REPLAYED, "true");
        }
        events.send("done", ChatResponse.of(result));
    }

    /**
     * The error body, and the wait the {@code Retry-After} header would have carried as {@code retry_after}
     * (seconds): the stream's headers are long gone.
     */
    private static Map<String, Object> errorEvent(ApiError error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("error", error.kind());
        data.put("details", error.details());
        String wait = error.headers().get("Retry-After");
        if (wait != null) {
            data.put("retry_after", Long.parseLong(wait));
        }
        return data;
    }
}
