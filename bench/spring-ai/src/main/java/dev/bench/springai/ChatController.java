package dev.bench.springai;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
public class ChatController {

    record ChatRequest(String message, @JsonProperty("conversation_id") String conversationId) {
    }

    record ChatReply(@JsonProperty("conversation_id") String conversationId, String response,
            @JsonProperty("tool_calls") List<TodoTools.ToolCall> toolCalls) {
    }

    private final ChatClient chatClient;

    ChatController(ChatClient chatClient) {
        this.chatClient = chatClient;
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "ok");
    }

    @PostMapping("/api/{user_id}/chat")
    ChatReply chat(@PathVariable("user_id") String userId, @RequestBody ChatRequest request) {
        if (request.message() == null || request.message().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "message is required");
        }
        String conversationId = conversationId(request.conversationId());
        List<TodoTools.ToolCall> toolCalls = new CopyOnWriteArrayList<>();
        String response = chatClient.prompt()
                .user(request.message())
                .advisors(advisor -> advisor.param(ChatMemory.CONVERSATION_ID, conversationId))
                .toolContext(Map.of(TodoTools.USER_ID, userId, TodoTools.TOOL_CALLS, toolCalls))
                .call()
                .content();
        return new ChatReply(conversationId, response == null ? "" : response, List.copyOf(toolCalls));
    }

    private static String conversationId(String given) {
        if (given == null || given.isBlank()) {
            return UUID.randomUUID().toString();
        }
        try {
            return UUID.fromString(given.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "conversation_id must be a UUID");
        }
    }
}
