package dev.todochat.domain.chat;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryWindowTest {
    private static List<RecordedMessage> recorded(Message... messages) {
        List<RecordedMessage> list = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            list.add(new RecordedMessage(i + 1, Instant.EPOCH, messages[i]));
        }
        return list;
    }

    private static final AssistantMessage CALLS = new AssistantMessage("",
            List.of(new ToolCall("c1", "list_tasks", Map.of()), new ToolCall("c2", "add_task", Map.of("title", "x"))),
            Usage.NONE);
    private static final ToolResultMessage RESULT_1 = new ToolResultMessage("c1", "list_tasks", ToolResult.ok(Map.of()));
    private static final ToolResultMessage RESULT_2 = new ToolResultMessage("c2", "add_task", ToolResult.ok(Map.of()));

    @Test
    void a_window_within_budget_keeps_everything_in_order() {
        var history = recorded(new UserMessage("hi"), CALLS, RESULT_1, RESULT_2, new UserMessage("next"));

        assertThat(HistoryWindow.fit(history, 10_000)).containsExactly(
                new UserMessage("hi"), CALLS, RESULT_1, RESULT_2, new UserMessage("next"));
    }

    @Test
    void a_window_never_begins_with_a_tool_result_whose_call_was_cut_off() {
        // the message bound of the stored read cut between the call and its results
        var history = recorded(RESULT_1, RESULT_2, AssistantMessage.answer("done", Usage.NONE), new UserMessage("next"));

        assertThat(HistoryWindow.fit(history, 10_000))
                .containsExactly(AssistantMessage.answer("done", Usage.NONE), new UserMessage("next"));
    }

    @Test
    void the_token_budget_drops_the_oldest_messages_first_but_keeps_the_newest() {
        var history = recorded(new UserMessage("a".repeat(4000)), AssistantMessage.answer("ok", Usage.NONE),
                new UserMessage("b".repeat(4000)));

        assertThat(HistoryWindow.fit(history, 1100)).hasSize(2).last().isEqualTo(new UserMessage("b".repeat(4000)));
        assertThat(HistoryWindow.fit(history, 1)).containsExactly(new UserMessage("b".repeat(4000)));
    }

    @Test
    void a_budget_cut_inside_a_tool_round_moves_past_its_results() {
        var history = recorded(new UserMessage("x".repeat(400)), CALLS, RESULT_1, RESULT_2,
                AssistantMessage.answer("done", Usage.NONE), new UserMessage("next"));
        int resultsOnly = HistoryWindow.estimateTokens(RESULT_2) + HistoryWindow.estimateTokens(RESULT_1)
                + HistoryWindow.estimateTokens(AssistantMessage.answer("done", Usage.NONE))
                + HistoryWindow.estimateTokens(new UserMessage("next"));

        List<Message> window = HistoryWindow.fit(history, resultsOnly);

        assertThat(window).first().isEqualTo(AssistantMessage.answer("done", Usage.NONE));
    }
}
