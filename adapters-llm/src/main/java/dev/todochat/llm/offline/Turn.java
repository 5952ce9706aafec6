package dev.todochat.llm.offline;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current turn as the transcript shows it: the newest user message, what the conversation said before it, and
 * the rounds of tool calls made since, each with its results.
 */
record Turn(String userText, EarlierTurns earlier, List<Round> rounds) {

    static Turn of(List<Message> history) {
        int last = lastUserMessage(history, history.size());
        if (last < 0) {
            return new Turn("", EarlierTurns.NONE, List.of());
        }
        List<Message> since = history.subList(last + 1, history.size());
        Map<String, ToolResult> results = new HashMap<>();
        for (Message message : since) {
            if (message instanceof ToolResultMessage result) {
                results.put(result.callId(), result.result());
            }
        }
        List<Round> rounds = new ArrayList<>();
        for (Message message : since) {
            if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
                rounds.add(Round.of(assistant.toolCalls(), results));
            }
        }
        return new Turn(text(history, last), EarlierTurns.of(history.subList(0, last)), rounds);
    }

    private static int lastUserMessage(List<Message> history, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage) {
                return i;
            }
        }
        return -1;
    }

    private static String text(List<Message> history, int index) {
        return ((UserMessage) history.get(index)).text();
    }

    /** One model reply's tool calls, each with the result it got. */
    record Round(List<Outcome> outcomes) {
        static Round of(List<ToolCall> calls, Map<String, ToolResult> results) {
            return new Round(calls.stream().filter(call -> results.containsKey(call.id()))
                    .map(call -> new Outcome(call, results.get(call.id()))).toList());
        }

        /** The result of the round's only call when that call is {@code tool}; empty otherwise. */
        Optional<ToolResult> onlyResultOf(String tool) {
            return outcomes.size() == 1 && outcomes.getFirst().call().name().equals(tool)
                    ? Optional.of(outcomes.getFirst().result()) : Optional.empty();
        }
    }

    record Outcome(ToolCall call, ToolResult result) {
    }
}
