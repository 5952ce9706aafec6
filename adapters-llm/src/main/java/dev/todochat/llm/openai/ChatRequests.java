package dev.todochat.llm.openai;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.tool.ToolSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One chat-completions request from a prompt: the system prompt first, the replayed history, the tools rendered from
 * their specs, and only the optional settings that were given.
 */
final class ChatRequests {
    private final OpenAiSettings settings;
    private final SystemPrompt systemPrompt;

    ChatRequests(OpenAiSettings settings, SystemPrompt systemPrompt) {
        this.settings = settings;
        this.systemPrompt = systemPrompt;
    }

    ChatCompletionCreateParams nonStreaming(Prompt prompt) {
        return base(prompt).build();
    }

    /** The same request, asking for the usage in a last chunk of the stream. */
    ChatCompletionCreateParams streaming(Prompt prompt) {
        return base(prompt)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
    }

    private ChatCompletionCreateParams.Builder base(Prompt prompt) {
        ChatCompletionCreateParams.Builder request = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(systemPrompt.render(prompt.now()));
        HistoryReplay.messages(prompt.history()).forEach(request::addMessage);
        prompt.tools().forEach(spec -> request.addTool(tool(spec)));
        if (settings.temperature() != null) {
            request.temperature(settings.temperature());
        }
        if (settings.maxOutputTokens() != null) {
            request.maxCompletionTokens(settings.maxOutputTokens().longValue());
        }
        return request;
    }

    private static ChatCompletionFunctionTool tool(ToolSpec spec) {
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        spec.inputSchema().forEach((key, value) -> schema.put(key, JsonValue.from(value)));
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(spec.name())
                        .description(spec.description())
                        .parameters(FunctionParameters.builder().additionalProperties(schema).build())
                        .build())
                .build();
    }
}
