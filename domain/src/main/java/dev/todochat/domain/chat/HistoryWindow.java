package dev.todochat.domain.chat;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the stored history to what the model is shown: the newest messages within a token estimate, never beginning
 * with a tool result whose call was cut off (every provider rejects such a window). Nothing stored is changed.
 */
public final class HistoryWindow {
    private HistoryWindow() {
    }

    /**
     * @param latest      the newest stored messages, oldest first; the last is always kept
     * @param tokenBudget the estimated tokens the window may take
     */
    public static List<Message> fit(List<RecordedMessage> latest, int tokenBudget) {
        int start = latest.size();
        int spent = 0;
        while (start > 0) {
            int cost = estimateTokens(latest.get(start - 1).message());
            if (start < latest.size() && spent + cost > tokenBudget) {
                break;
            }
            spent += cost;
            start--;
        }
        while (start < latest.size() - 1 && latest.get(start).message() instanceof ToolResultMessage) {
            start++;
        }
        List<Message> window = new ArrayList<>(latest.size() - start);
        for (RecordedMessage recorded : latest.subList(start, latest.size())) {
            window.add(recorded.message());
        }
        return window;
    }

    /** About four characters a token, plus a little for each message's framing. */
    static int estimateTokens(Message message) {
        int chars = switch (message) {
            case UserMessage user -> user.text().length();
            case AssistantMessage assistant -> assistant.text().length() + assistant.toolCalls().stream()
                    .mapToInt(HistoryWindow::chars).sum();
            case ToolResultMessage result -> result.result().value().toString().length();
        };
        return 4 + chars / 4;
    }

    private static int chars(ToolCall call) {
        return call.name().length() + call.arguments().toString().length();
    }
}
