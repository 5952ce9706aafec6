package dev.todochat.llm.openai;

import okhttp3.HttpUrl;

import java.time.Duration;

/**
 * How to reach an OpenAI-compatible chat-completions service. Every field but the key has a default, so a local
 * server needs only its base URL. {@link #toString()} never shows the key.
 *
 * @param apiKey          the bearer key, or null for a server that needs none (no Authorization header is sent)
 * @param baseUrl         the API root that {@code /chat/completions} is appended to; default {@value #OPENAI_URL}
 * @param model           the model name; default {@value #DEFAULT_MODEL}
 * @param temperature     0..2, or null to leave it to the service (not sent)
 * @param maxOutputTokens the most tokens one reply may have (sent as {@code max_completion_tokens}), or null
 * @param requestTimeout  the longest one attempt may take, connecting and streaming included; default 60 s
 * @param maxRetries      attempts after the first for timeouts, connection failures, 408, 409, 429 and 5xx;
 *                        default 2. Keep at least 1: pooled connections fail once after the server restarts.
 */
public record OpenAiSettings(String apiKey, String baseUrl, String model, Double temperature,
                             Integer maxOutputTokens, Duration requestTimeout, int maxRetries) {
    public static final String OPENAI_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_RETRIES = 2;

    public OpenAiSettings {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? OPENAI_URL : trimSlashes(baseUrl.strip());
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the model base URL must start with http:// or https://");
        }
        if (HttpUrl.parse(baseUrl) == null) {
            throw new IllegalArgumentException("the model base URL is not a valid URL (http://host:port/path)");
        }
        model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("the model temperature must be between 0 and 2");
        }
        if (maxOutputTokens != null && maxOutputTokens <= 0) {
            throw new IllegalArgumentException("the maximum output tokens must be positive");
        }
        requestTimeout = requestTimeout == null ? DEFAULT_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the model request timeout must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("the model retry count cannot be negative");
        }
    }

    /** OpenAI itself with the default model, timeout and retries; add the key with {@link #withApiKey}. */
    public static OpenAiSettings defaults() {
        return new OpenAiSettings(null, null, null, null, null, null, DEFAULT_RETRIES);
    }

    public OpenAiSettings withApiKey(String key) {
        return new OpenAiSettings(key, baseUrl, model, temperature, maxOutputTokens, requestTimeout, maxRetries);
    }

    public OpenAiSettings withBaseUrl(String url) {
        return new OpenAiSettings(apiKey, url, model, temperature, maxOutputTokens, requestTimeout, maxRetries);
    }

    public OpenAiSettings withModel(String name) {
        return new OpenAiSettings(apiKey, baseUrl, name, temperature, maxOutputTokens, requestTimeout, maxRetries);
    }

    public OpenAiSettings withTemperature(Double value) {
        return new OpenAiSettings(apiKey, baseUrl, model, value, maxOutputTokens, requestTimeout, maxRetries);
    }

    public OpenAiSettings withMaxOutputTokens(Integer tokens) {
        return new OpenAiSettings(apiKey, baseUrl, model, temperature, tokens, requestTimeout, maxRetries);
    }

    public OpenAiSettings withRequestTimeout(Duration timeout) {
        return new OpenAiSettings(apiKey, baseUrl, model, temperature, maxOutputTokens, timeout, maxRetries);
    }

    public OpenAiSettings withMaxRetries(int retries) {
        return new OpenAiSettings(apiKey, baseUrl, model, temperature, maxOutputTokens, requestTimeout, retries);
    }

    @Override
    public String toString() {
        return "OpenAiSettings[apiKey=" + (apiKey == null ? "none" : "(set)") + ", baseUrl=" + baseUrl
                + ", model=" + model + ", temperature=" + temperature + ", maxOutputTokens=" + maxOutputTokens
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
    }

    private static String trimSlashes(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
