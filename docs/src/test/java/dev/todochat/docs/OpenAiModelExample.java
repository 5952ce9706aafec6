package dev.todochat.docs;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.Storage;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.llm.openai.OpenAiSettings;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The models page's example, against the OpenAI-compatible stub server over real HTTP. */
class OpenAiModelExample {
    // tag::openai-model[]
    static TurnResult ask(String baseUrl, Storage storage) {
        OpenAiSettings settings = OpenAiSettings.defaults()
                .withApiKey(System.getenv("OPENAI_API_KEY"))       // null: no Authorization header (local servers)
                .withBaseUrl(baseUrl)                               // default https://api.openai.com/v1
                .withModel("qwen2.5:7b");                           // default gpt-4o-mini
        try (OpenAiModel model = new OpenAiModel(settings)) {      // close() releases the HTTP connections
            TodoChat chat = TodoChat.builder().storage(storage).model(model).build();
            return chat.chat(new UserId("alice"), ChatRequest.newConversation("What is on my list?"));
        }
    }
    // end::openai-model[]

    @Test
    void the_models_example_talks_to_an_openai_compatible_server() {
        try (OpenAiStub stub = OpenAiStub.start().replyText("Your list is empty.")) {
            TurnResult turn = ask(stub.baseUrl(), new InMemoryStorage());

            assertThat(turn.response()).isEqualTo("Your list is empty.");
            assertThat(stub.lastRequest().body().get("model").asText()).isEqualTo("qwen2.5:7b");
        }
    }
}
