package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.application.TodoChat;
import dev.todochat.application.UserTasks;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;

/**
 * The user's tasks as REST resources: {@code GET|POST /api/{user_id}/tasks} and {@code GET|PATCH|DELETE
 * /api/{user_id}/tasks/{task_id}}, with the same rules as the chat tools.
 */
final class TaskRoutes {
    private static final String TASKS = "/api/{user_id}/tasks";
    private static final String TASK = TASKS + "/{task_id}";

    private final TodoChat chat;
    private final Authentication authentication;
    private final ObjectMapper json;

    TaskRoutes(TodoChat chat, Authentication authentication, ObjectMapper json) {
        this.chat = chat;
        this.authentication = authentication;
        this.json = json;
    }

    void install(RoutesConfig routes) {
        routes.get(TASKS, this::list);
        routes.post(TASKS, this::add);
        routes.get(TASK, ctx -> ctx.json(TaskJson.of(tasks(ctx).get(Params.taskId(ctx)))));
        routes.patch(TASK, this::change);
        routes.delete(TASK, this::delete);
    }

    private void list(Context ctx) {
        UserTasks tasks = tasks(ctx);
        ctx.json(TaskJson.Listing.of(tasks.list(TaskFilter.parse(ctx.queryParam("status")))));
    }

    private void add(Context ctx) throws IOException {
        UserTasks tasks = tasks(ctx);
        TaskBody.NewTask body = TaskBody.newTask(RequestBody.object(ctx, json, TaskBody.NEW_EXAMPLE));
        Task task = tasks.add(body.title(), body.description());
        ctx.status(201).header("Location", ctx.path() + "/" + task.id()).json(TaskJson.of(task));
    }

    private void change(Context ctx) throws IOException {
        UserTasks tasks = tasks(ctx);
        var id = Params.taskId(ctx);
        var changes = TaskBody.changes(RequestBody.object(ctx, json, TaskBody.CHANGE_EXAMPLE));
        ctx.json(TaskJson.of(tasks.update(id, changes)));
    }

    private void delete(Context ctx) {
        UserTasks tasks = tasks(ctx);
        tasks.delete(Params.taskId(ctx));
        ctx.status(204);
    }

    /** The caller's tasks; authentication and the path's user are checked before anything else is read. */
    private UserTasks tasks(Context ctx) {
        return chat.tasks(PathOwner.of(authentication, ctx));
    }
}
