package dev.todochat.llm.openai;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.completions.CompletionUsage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;
import dev.todochat.domain.port.ModelReply;

import java.util.List;

/**
 * A chat completion as the domain's {@link ModelReply}: the first choice's text (or its refusal), its tool calls in
 * order with their arguments parsed, and the tokens used. The streaming path builds its calls and usage here too, so
 * that both paths give the same reply.
 */
final class CompletionReplies {
    private CompletionReplies() {
    }

    static ModelReply of(ChatCompletion completion) {
        List<ChatCompletion.Choice> choices = completion.choices();
        if (choices.isEmpty()) {
            throw new OpenAIInvalidDataException("the completion has no choices");
        }
        ChatCompletionMessage message = choices.getFirst().message();
        String text = message.content().or(message::refusal).orElse("");
        List<ToolCall> calls = message.toolCalls().orElse(List.of()).stream()
                .map(call -> {
                    ChatCompletionMessageFunctionToolCall function = call.asFunction();
                    return toolCall(function.id(), function.function().name(), function.function().arguments());
                })
                .toList();
        return new ModelReply(text, calls, completion.usage().map(CompletionReplies::usage).orElse(Usage.NONE));
    }

    static ToolCall toolCall(String id, String name, String arguments) {
        if (id == null || id.isBlank() || name == null || name.isBlank()) {
            throw new OpenAIInvalidDataException("a tool call lacks its id or its name");
        }
        return new ToolCall(id, name, Arguments.parse(arguments));
    }

    /** Missing counts read as zero: some compatible servers send a partial usage object. */
    static Usage usage(CompletionUsage usage) {
        return new Usage(Math.max(0, usage._promptTokens().asKnown().orElse(0L)),
                Math.max(0, usage._completionTokens().asKnown().orElse(0L)));
    }
}
