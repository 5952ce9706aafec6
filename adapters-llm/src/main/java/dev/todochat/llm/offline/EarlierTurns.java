package dev.todochat.llm.offline;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the conversation before the newest message says, read from the replayed history as a model reads it: the
 * listing the user last saw, the task last mentioned ("it"), the changes of the last turn that made any ("what did I
 * just add?"), and the previous user message with what its turn did (to tell an answer to a question from a new
 * request).
 */
record EarlierTurns(Optional<String> previousUserText, List<ListedTask> lastListing, List<ListedTask> lastMentioned,
                    List<Turn.Outcome> lastChanges, List<Turn.Outcome> previousTurn) {

    static final EarlierTurns NONE = new EarlierTurns(Optional.empty(), List.of(), List.of(), List.of(), List.of());

    /** @param history the messages before the newest user message */
    static EarlierTurns of(List<Message> history) {
        List<Turn.Outcome> outcomes = outcomes(history);
        int previous = lastUser(history);
        List<Turn.Outcome> previousTurn = previous < 0 ? List.of() : outcomes(history.subList(previous, history.size()));
        List<ListedTask> listing = List.of();
        List<ListedTask> mentioned = List.of();
        boolean mentionFound = false;
        for (Turn.Outcome outcome : outcomes.reversed()) {
            if (outcome.result().isError()) {
                continue;
            }
            boolean isListing = outcome.call().name().equals(PlannedCall.LIST);
            List<ListedTask> tasks = isListing ? ListedTask.from(outcome.result())
                    : ListedTask.one(outcome.result()).map(List::of).orElse(List.of());
            if (!mentionFound && !tasks.isEmpty()) {
                mentioned = tasks;
                mentionFound = true;
            }
            if (isListing) {
                listing = tasks;
                break;
            }
        }
        return new EarlierTurns(previous < 0 ? Optional.empty() : Optional.of(((UserMessage) history.get(previous)).text()),
                listing, mentioned, lastChanges(history), previousTurn);
    }

    /** The successful changes (not listings) of the latest turn that made any. */
    private static List<Turn.Outcome> lastChanges(List<Message> history) {
        int end = history.size();
        for (int start = lastUser(history.subList(0, end)); start >= 0; start = lastUser(history.subList(0, end))) {
            List<Turn.Outcome> changes = outcomes(history.subList(start, end)).stream()
                    .filter(outcome -> !outcome.result().isError())
                    .filter(outcome -> !outcome.call().name().equals(PlannedCall.LIST)).toList();
            if (!changes.isEmpty()) {
                return changes;
            }
            end = start;
        }
        return List.of();
    }

    private static int lastUser(List<Message> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage) {
                return i;
            }
        }
        return -1;
    }

    /** Every tool call in {@code messages} with its result, in order. */
    private static List<Turn.Outcome> outcomes(List<Message> messages) {
        List<Turn.Outcome> outcomes = new ArrayList<>();
        for (Message message : messages) {
            if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
                for (ToolCall call : assistant.toolCalls()) {
                    result(messages, call.id()).ifPresent(result -> outcomes.add(new Turn.Outcome(call, result)));
                }
            }
        }
        return outcomes;
    }

    private static Optional<ToolResult> result(List<Message> messages, String callId) {
        return messages.stream().filter(ToolResultMessage.class::isInstance).map(ToolResultMessage.class::cast)
                .filter(message -> message.callId().equals(callId)).map(ToolResultMessage::result).findFirst();
    }

    /** Whether the previous turn changed nothing: it only looked tasks up, or answered in words. */
    boolean previousTurnChangedNothing() {
        return previousTurn.stream().allMatch(outcome -> outcome.call().name().equals(PlannedCall.LIST)
                || outcome.result().isError());
    }

    /** The listing the previous turn looked up, if it made one. */
    Optional<List<ListedTask>> previousLookup() {
        return previousTurn.stream().filter(outcome -> outcome.call().name().equals(PlannedCall.LIST))
                .filter(outcome -> !outcome.result().isError()).reduce((first, second) -> second)
                .map(outcome -> ListedTask.from(outcome.result()));
    }
}
