package dev.todochat.http.internal;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.TaskId;
import io.javalin.http.Context;

/**
 * Ids from the path and numbers from the query string. Text that cannot be an id is a 400; a well-formed number too
 * large to be any task's id is simply not found, like any other id the user does not have.
 */
final class Params {
    private Params() {
    }

    static TaskId taskId(Context ctx) {
        String text = ctx.pathParam("task_id");
        if (!text.matches("[0-9]+")) {
            throw new InvalidInput("a task id is a positive whole number, such as 3");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw NotFound.task(text);
        }
        return new TaskId(value);
    }

    static ConversationId conversationId(Context ctx) {
        return ConversationId.parse(ctx.pathParam("conversation_id"));
    }

    /** A whole number of at most nine digits, or {@code fallback} when the parameter is absent. */
    static int count(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,9}")) {
            throw new InvalidInput(name + " must be a whole number");
        }
        return Integer.parseInt(text);
    }

    /** A message's {@code seq} (0 before the first), or 0 when absent. */
    static long seq(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return 0;
        }
        if (!text.matches("[0-9]{1,18}")) {
            throw new InvalidInput(name + " must be 0 or a message's seq");
        }
        return Long.parseLong(text);
    }
}
