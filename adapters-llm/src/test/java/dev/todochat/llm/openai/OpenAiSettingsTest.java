package dev.todochat.llm.openai;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiSettingsTest {
    @Test
    void should_default_to_openai_with_a_small_model_a_minute_and_two_retries() {
        OpenAiSettings settings = OpenAiSettings.defaults();

        assertThat(settings.apiKey()).isNull();
        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.model()).isEqualTo("gpt-4o-mini");
        assertThat(settings.temperature()).isNull();
        assertThat(settings.maxOutputTokens()).isNull();
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxRetries()).isEqualTo(2);
    }

    @Test
    void should_treat_blank_values_as_absent_and_drop_trailing_slashes() {
        OpenAiSettings settings = new OpenAiSettings(" ", "http://localhost:11434/v1/", "  ", null, null, null, 1);

        assertThat(settings.apiKey()).isNull();
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void should_never_show_the_key_in_its_text() {
        OpenAiSettings settings = OpenAiSettings.defaults().withApiKey("sk-very-secret");

        assertThat(settings.toString()).doesNotContain("sk-very-secret").contains("apiKey=(set)");
        assertThat(OpenAiSettings.defaults().toString()).contains("apiKey=none");
    }

    @Test
    void should_reject_values_out_of_range() {
        OpenAiSettings settings = OpenAiSettings.defaults();

        assertThatThrownBy(() -> settings.withTemperature(2.5)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> settings.withMaxOutputTokens(0)).hasMessageContaining("output tokens");
        assertThatThrownBy(() -> settings.withRequestTimeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> settings.withMaxRetries(-1)).hasMessageContaining("retry");
        assertThatThrownBy(() -> settings.withBaseUrl("localhost:8080")).hasMessageContaining("http://");
        assertThatThrownBy(() -> settings.withBaseUrl("http://local host:8080/v1")).hasMessageContaining("valid URL");
    }

    @Test
    void should_describe_the_model_and_where_it_runs_without_the_key() {
        OpenAiSettings settings = OpenAiSettings.defaults().withApiKey("sk-very-secret")
                .withBaseUrl("http://127.0.0.1:1/v1").withModel("llama3.1");

        try (OpenAiModel model = new OpenAiModel(settings)) {
            assertThat(model.describe()).isEqualTo("OpenAI-compatible model llama3.1 at http://127.0.0.1:1/v1");
        }
    }
}
