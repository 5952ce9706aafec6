package dev.todochat.llm.openai;

import dev.todochat.domain.Message;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.tool.TaskTools;
import dev.todochat.domain.tool.ToolSpec;
import dev.todochat.testing.openai.OpenAiStub;

import javax.net.SocketFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Models pointed at a stub, and the prompts the tests send them. */
final class Models {
    static final String KEY = "sk-test-4f9c2a7e-SECRET-do-not-leak";
    static final Instant NOW = Instant.parse("2026-11-22T09:30:00Z");
    static final List<ToolSpec> TOOLS = new TaskTools().specs();

    private Models() {
    }

    /** A key, a model name, a 10 s timeout (so a loaded machine never times out a prompt stub) and one retry. */
    static OpenAiSettings settings(OpenAiStub stub) {
        return OpenAiSettings.defaults().withApiKey(KEY).withBaseUrl(stub.baseUrl()).withModel("stub-model")
                .withRequestTimeout(Duration.ofSeconds(10)).withMaxRetries(1);
    }

    /** A model whose retries record their pauses instead of waiting. */
    static OpenAiModel model(OpenAiSettings settings, RecordingSleeper sleeper) {
        return new OpenAiModel(settings, SocketFactory.getDefault(), sleeper,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static OpenAiModel model(OpenAiStub stub) {
        return model(settings(stub), new RecordingSleeper());
    }

    static Prompt prompt(Message... history) {
        return new Prompt(List.of(history), TOOLS, NOW);
    }

    static Prompt prompt(String userText) {
        return prompt(new UserMessage(userText));
    }
}
