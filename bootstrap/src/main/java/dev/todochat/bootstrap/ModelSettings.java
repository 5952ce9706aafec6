package dev.todochat.bootstrap;

import dev.todochat.llm.openai.OpenAiSettings;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code OPENAI_*} variables. Setting {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL} selects the
 * OpenAI-compatible adapter (a local server such as Ollama needs only its base URL); otherwise the offline
 * assistant answers.
 */
final class ModelSettings {
    private ModelSettings() {
    }

    static Optional<OpenAiSettings> from(Map<String, String> env) {
        Function<String, Optional<String>> value = name -> Env.value(env, name);
        if (value.apply("OPENAI_API_KEY").isEmpty() && value.apply("OPENAI_BASE_URL").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OpenAiSettings(
                    value.apply("OPENAI_API_KEY").orElse(null),
                    value.apply("OPENAI_BASE_URL").orElse(null),
                    value.apply("OPENAI_MODEL").orElse(null),
                    value.apply("OPENAI_TEMPERATURE").map(t -> number("OPENAI_TEMPERATURE", t, Double::valueOf))
                            .orElse(null),
                    value.apply("OPENAI_MAX_OUTPUT_TOKENS")
                            .map(t -> number("OPENAI_MAX_OUTPUT_TOKENS", t, Integer::valueOf)).orElse(null),
                    value.apply("OPENAI_TIMEOUT").map(t -> duration("OPENAI_TIMEOUT", t)).orElse(null),
                    value.apply("OPENAI_MAX_RETRIES").map(t -> number("OPENAI_MAX_RETRIES", t, Integer::valueOf))
                            .orElse(OpenAiSettings.DEFAULT_RETRIES)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the OPENAI_* settings: " + e.getMessage());
        }
    }

    private static <T> T number(String variable, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(variable + " must be a number, not '" + text + "'");
        }
    }

    private static java.time.Duration duration(String variable, String text) {
        try {
            return Lifetimes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable + ": " + e.getMessage());
        }
    }
}
