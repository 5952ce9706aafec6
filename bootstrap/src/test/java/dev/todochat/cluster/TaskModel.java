package dev.todochat.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.todochat.testing.openai.StubReply;
import dev.todochat.testing.openai.StubToolCall;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The model the cluster tests talk to (through {@link dev.todochat.testing.openai.OpenAiStub#responding}): every user
 * message becomes one {@code add_task} with the message as its title, and once the tool has answered, the reply is
 * {@code "Noted: <message>"}. A message that starts with {@code "hold"} keeps the model thinking until
 * {@link #release()}, so a test can hold a turn open.
 */
final class TaskModel {
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    StubReply answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        String said = lastUserMessage(messages);
        if ("tool".equals(messages.get(messages.size() - 1).path("role").asText())) {
            return StubReply.text("Noted: " + said);
        }
        if (said.startsWith("hold")) {
            holding.countDown();
            awaitQuietly(released);
        }
        String arguments = JsonNodeFactory.instance.objectNode().put("title", said).toString();
        return StubReply.toolCalls(StubToolCall.of("call_" + messages.size(), "add_task", arguments));
    }

    /** Waits until a {@code hold} message reached the model; false if none did within a minute. */
    boolean awaitHolding() {
        return awaitQuietly(holding);
    }

    void release() {
        released.countDown();
    }

    private static String lastUserMessage(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                return messages.get(i).path("content").asText();
            }
        }
        throw new IllegalArgumentException("a request without a user message: " + messages);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
