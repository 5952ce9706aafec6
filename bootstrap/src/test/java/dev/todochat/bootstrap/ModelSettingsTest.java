package dev.todochat.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSettingsTest {
    @Test
    void without_a_key_or_a_base_url_the_offline_assistant_answers() {
        assertThat(ModelSettings.from(Map.of("OPENAI_MODEL", "gpt-4o"))).isEmpty();
    }

    @Test
    void a_base_url_alone_selects_a_local_server_that_needs_no_key() {
        var settings = ModelSettings.from(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1",
                "OPENAI_MODEL", "llama3.2")).orElseThrow();

        assertThat(settings.apiKey()).isNull();
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.model()).isEqualTo("llama3.2");
    }

    @Test
    void every_setting_is_read() {
        var settings = ModelSettings.from(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_MODEL", "gpt-4.1-mini",
                "OPENAI_TEMPERATURE", "0.2", "OPENAI_MAX_OUTPUT_TOKENS", "800", "OPENAI_TIMEOUT", "30s",
                "OPENAI_MAX_RETRIES", "4")).orElseThrow();

        assertThat(settings.temperature()).isEqualTo(0.2);
        assertThat(settings.maxOutputTokens()).isEqualTo(800);
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxRetries()).isEqualTo(4);
        assertThat(settings.toString()).doesNotContain("sk-test");
    }

    @Test
    void a_bad_value_names_its_variable_and_never_shows_the_key() {
        assertThatThrownBy(() -> ModelSettings.from(Map.of("OPENAI_API_KEY", "sk-secret", "OPENAI_TEMPERATURE", "hot")))
                .isInstanceOf(ConfigException.class).hasMessage("OPENAI_TEMPERATURE must be a number, not 'hot'");
        assertThatThrownBy(() -> ModelSettings.from(Map.of("OPENAI_API_KEY", "sk-secret", "OPENAI_TEMPERATURE", "7")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("temperature must be between 0 and 2")
                .hasMessageNotContaining("sk-secret");
        assertThatThrownBy(() -> ModelSettings.from(Map.of("OPENAI_BASE_URL", "localhost:1234")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> ModelSettings.from(Map.of("OPENAI_API_KEY", "k", "OPENAI_TIMEOUT", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("OPENAI_TIMEOUT: cannot read 'soon'");
    }
}
