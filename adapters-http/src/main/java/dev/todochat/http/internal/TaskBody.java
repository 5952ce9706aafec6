package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.TaskChanges;

/**
 * Reads the bodies of {@code POST /api/{user_id}/tasks} ({@code {"title", "description"?}}) and of {@code PATCH
 * /api/{user_id}/tasks/{id}} ({@code {"title"?, "description"?, "completed"?}}). Wrong JSON types are a
 * {@code BadRequest}; values the task rules refuse are a {@code ValidationFailed}. Unknown fields are ignored.
 */
final class TaskBody {
    static final String NEW_EXAMPLE = "{\"title\": \"Water the plants\", \"description\": \"the big ones\"}";
    static final String CHANGE_EXAMPLE = "{\"completed\": true}";
    static final String NEW_EXPECTED = "{\"title\": \"...\", \"description\": optional}";

    private TaskBody() {
    }

    /** A new task's title and description, not yet checked (the task rules do that). */
    record NewTask(String title, String description) {
    }

    static NewTask newTask(JsonNode body) {
        String title = RequestBody.text(body, "title");
        if (title == null) {
            throw RequestBody.missing(body, "title", NEW_EXPECTED);
        }
        return new NewTask(title, RequestBody.text(body, "description"));
    }

    /** The fields to change: an absent field stays; {@code "description": null} or {@code ""} removes it. */
    static TaskChanges changes(JsonNode body) {
        if (!body.has("title") && !body.has("description") && !body.has("completed")) {
            throw new InvalidInput("give at least one of \"title\", \"description\", \"completed\", such as "
                    + CHANGE_EXAMPLE);
        }
        if (body.has("title") && body.get("title").isNull()) {
            throw new InvalidInput("title must not be empty");
        }
        String title = RequestBody.text(body, "title");
        String description = body.has("description") && body.get("description").isNull()
                ? "" : RequestBody.text(body, "description");
        return new TaskChanges(title, description, completed(body.get("completed")));
    }

    private static Boolean completed(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiError.badRequest("completed must be true or false");
        }
        return node.booleanValue();
    }
}
