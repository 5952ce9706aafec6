package dev.todochat.llm.openai;

import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history window as chat-completions messages in the order every provider accepts: an assistant message with
 * {@code tool_calls} is followed at once by one tool message per call, with the same ids.
 *
 * <p>Defensive, because a provider rejects the whole request for one bad pairing: a tool result that does not
 * directly follow an assistant message holding its call is dropped; a call without a result is dropped from its
 * assistant message; an assistant message left with neither text nor calls is dropped.
 */
final class HistoryReplay {
    private HistoryReplay() {
    }

    static List<ChatCompletionMessageParam> messages(List<Message> history) {
        List<ChatCompletionMessageParam> replayed = new ArrayList<>();
        int i = 0;
        while (i < history.size()) {
            Message message = history.get(i++);
            switch (message) {
                case UserMessage user -> replayed.add(ChatCompletionMessageParam.ofUser(
                        ChatCompletionUserMessageParam.builder().content(user.text()).build()));
                case ToolResultMessage orphan -> {
                    // a result without its call right before it: dropped
                }
                case AssistantMessage assistant -> {
                    Map<String, ToolResultMessage> results = new LinkedHashMap<>();
                    while (i < history.size() && history.get(i) instanceof ToolResultMessage result) {
                        results.putIfAbsent(result.callId(), result);
                        i++;
                    }
                    replayAssistant(assistant, results, replayed);
                }
            }
        }
        return replayed;
    }

    private static void replayAssistant(AssistantMessage assistant, Map<String, ToolResultMessage> results,
                                        List<ChatCompletionMessageParam> replayed) {
        Map<String, ToolCall> answered = new LinkedHashMap<>();
        for (ToolCall call : assistant.toolCalls()) {
            if (results.containsKey(call.id())) {
                answered.putIfAbsent(call.id(), call);
            }
        }
        if (answered.isEmpty() && assistant.text().isEmpty()) {
            return;
        }
        ChatCompletionAssistantMessageParam.Builder message = ChatCompletionAssistantMessageParam.builder();
        if (!assistant.text().isEmpty()) {
            message.content(assistant.text());
        }
        answered.values().forEach(call -> message.addToolCall(functionCall(call)));
        replayed.add(ChatCompletionMessageParam.ofAssistant(message.build()));
        for (ToolCall call : answered.values()) {
            ToolResultMessage result = results.get(call.id());
            replayed.add(ChatCompletionMessageParam.ofTool(ChatCompletionToolMessageParam.builder()
                    .toolCallId(call.id())
                    .content(Arguments.write(result.result().value()))
                    .build()));
        }
    }

    private static ChatCompletionMessageFunctionToolCall functionCall(ToolCall call) {
        return ChatCompletionMessageFunctionToolCall.builder()
                .id(call.id())
                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                        .name(call.name())
                        .arguments(Arguments.write(call.arguments()))
                        .build())
                .build();
    }
}
