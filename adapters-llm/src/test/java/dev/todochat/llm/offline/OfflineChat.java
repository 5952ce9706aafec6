package dev.todochat.llm.offline;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.tool.TaskTools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives the offline assistant the way the {@code ChatCycle} does, without storage: each model call gets the whole
 * history, tool calls run with the real {@link TaskTools} against {@link InMemoryTasks}, and a turn ends at the
 * first text answer. Every call goes to a new assistant, as if any server instance could serve it.
 */
final class OfflineChat {
    static final UserId USER = new UserId("alice");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final int MAX_ROUNDS = 8;

    private final InMemoryTasks tasks = new InMemoryTasks();
    private final TaskTools tools = new TaskTools();
    private final List<Message> history = new ArrayList<>();
    private final Set<String> callIds = new HashSet<>();

    /** A conversation whose user already has these tasks (ids from 1, in this order), all pending. */
    static OfflineChat withTasks(String... titles) {
        OfflineChat chat = new OfflineChat();
        for (String title : titles) {
            chat.tasks.add(USER, title, null, NOW);
        }
        return chat;
    }

    OfflineChat withDescribedTask(String title, String description) {
        tasks.add(USER, title, description, NOW);
        return this;
    }

    OfflineChat withCompleted(long... ids) {
        for (long id : ids) {
            tasks.complete(USER, new TaskId(id), NOW);
        }
        return this;
    }

    /** One turn: the user's message in, the assistant's answer and the tool calls of each round out. */
    Answer say(String message) {
        history.add(new UserMessage(message));
        List<List<ToolCall>> rounds = new ArrayList<>();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            ModelReply reply = new OfflineAssistant().reply(new Prompt(history, tools.specs(), NOW));
            if (!reply.hasToolCalls()) {
                history.add(AssistantMessage.answer(reply.text(), reply.usage()));
                return new Answer(reply.text(), rounds);
            }
            history.add(reply.asMessage());
            for (ToolCall call : reply.toolCalls()) {
                if (!callIds.add(call.id())) {
                    throw new AssertionError("tool call id " + call.id() + " was used before in this conversation");
                }
                ToolResult result = tools.execute(USER, call.name(), call.arguments(), tasks, NOW);
                history.add(new ToolResultMessage(call.id(), call.name(), result));
            }
            rounds.add(reply.toolCalls());
        }
        throw new AssertionError("the assistant did not answer in text within " + MAX_ROUNDS + " rounds");
    }

    List<Task> tasks() {
        return tasks.list(USER, TaskFilter.ALL);
    }

    List<String> titles() {
        return tasks().stream().map(Task::title).toList();
    }

    List<Message> history() {
        return List.copyOf(history);
    }

    /** What one turn produced. */
    record Answer(String text, List<List<ToolCall>> rounds) {
        /** The tools called, round by round, e.g. {@code [[list_tasks], [complete_task]]}. */
        List<List<String>> tools() {
            return rounds.stream().map(round -> round.stream().map(ToolCall::name).toList()).toList();
        }
    }
}
