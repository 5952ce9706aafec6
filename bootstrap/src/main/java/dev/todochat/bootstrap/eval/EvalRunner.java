package dev.todochat.bootstrap.eval;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs eval cases through a real {@link TodoChat}: each case as a new user (so no case sees another's tasks), its
 * tasks created through the tools, its messages sent one after the other in one conversation, as a person would.
 */
final class EvalRunner {
    private final TodoChat chat;

    EvalRunner(TodoChat chat) {
        this.chat = chat;
    }

    List<CaseResult> run(List<EvalCase> cases) {
        return cases.stream().map(this::run).toList();
    }

    CaseResult run(EvalCase evalCase) {
        UserId user = new UserId("eval-" + UUID.randomUUID());
        List<ToolInvocation> calls = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        try {
            setUp(user, evalCase.tasks());
            TurnResult turn = null;
            for (String message : evalCase.messages()) {
                turn = chat.chat(user, turn == null ? ChatRequest.newConversation(message)
                        : ChatRequest.in(turn.conversationId(), message));
                calls.addAll(turn.toolCalls());
                answers.add(turn.response());
            }
        } catch (RuntimeException e) {
            return new CaseResult(evalCase, List.of("the turn failed: " + e.getMessage()), calls, answers);
        }
        return new CaseResult(evalCase, CaseScoring.problems(evalCase, calls, answers), calls, answers);
    }

    private void setUp(UserId user, List<EvalCase.SetupTask> tasks) {
        for (EvalCase.SetupTask task : tasks) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("title", task.title());
            if (task.description() != null) {
                arguments.put("description", task.description());
            }
            ToolResult added = checked(chat.callTool(user, "add_task", arguments));
            if (task.completed()) {
                checked(chat.callTool(user, "complete_task", Map.of("task_id", added.value().get("task_id"))));
            }
        }
    }

    private static ToolResult checked(ToolResult result) {
        if (result.isError()) {
            throw new IllegalArgumentException("setting up the case's tasks failed: " + result.errorMessage());
        }
        return result;
    }

    /** What one case did and, when it failed, why. */
    record CaseResult(EvalCase evalCase, List<String> problems, List<ToolInvocation> calls, List<String> answers) {
        boolean passed() {
            return problems.isEmpty();
        }
    }
}
