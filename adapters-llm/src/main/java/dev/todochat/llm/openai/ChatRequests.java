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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One chat-completions request from a prompt: the system prompt first, the replayed history, the tools rendered from
 * their specs, and only the optional settings that were given. The parts that are the same in every request are
 * built once: the tools (for the specs last seen, which are the same list turn after turn) and the system prompt
 * (for the day last seen).
 */
final class ChatRequests {
    private final OpenAiSettings settings;
    private final SystemPrompt systemPrompt;
    private final AtomicReference<Tools> tools = new AtomicReference<>(new Tools(List.of(), List.of()));

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
        toolsFor(prompt.tools()).forEach(request::addTool);
        if (settings.temperature() != null) {
            request.temperature(settings.temperature());
        }
        if (settings.maxOutputTokens() != null) {
            request.maxCompletionTokens(settings.maxOutputTokens().longValue());
        }
        return request;
    }

    private List<ChatCompletionFunctionTool> toolsFor(List<ToolSpec> specs) {
        Tools built = tools.get();
        if (built.specs() != specs && !built.specs().equals(specs)) {
            built = new Tools(specs, specs.stream().map(ChatRequests::tool).toList());
            tools.set(built);
        }
        return built.rendered();
    }

    /** Specs and the tools rendered from them. */
    private record Tools(List<ToolSpec> specs, List<ChatCompletionFunctionTool> rendered) {
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
