package dev.todochat.llm.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.services.blocking.chat.ChatCompletionService;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A language model behind any OpenAI-compatible chat-completions service (OpenAI, OpenRouter, Ollama, vLLM,
 * LM Studio, llama.cpp), on the official openai-java SDK. Each call sends the system prompt, the replayed history and
 * the tool specs, and returns the reply's text, tool calls and token usage; it keeps nothing between calls.
 *
 * <p>The SDK retries timeouts, connection failures, 429 and 5xx with exponential backoff, honouring
 * {@code Retry-After}; what still fails becomes a {@link ModelFailure} whose message never holds the key or the
 * service's answer. The HTTP client's sockets set TCP_NODELAY. Safe for concurrent use; {@link #close()} releases the
 * connections.
 */
public final class OpenAiModel implements LanguageModel, AutoCloseable {
    private static final String NO_KEY = "no-key";

    private final OpenAiSettings settings;
    private final OkHttpClient http;
    private final OpenAIClient client;
    private final ChatRequests requests;
    private final Faults faults;
    private final Clock clock;
    private final Supplier<Map<String, String>> requestHeaders;

    public OpenAiModel(OpenAiSettings settings) {
        this(settings, Map::of);
    }

    /**
     * @param requestHeaders headers for each call, asked on the calling thread just before it is sent, such as the
     *                       W3C {@code traceparent} of the caller's trace (never anything secret: they may be logged
     *                       by the service)
     */
    public OpenAiModel(OpenAiSettings settings, Supplier<Map<String, String>> requestHeaders) {
        this(settings, SocketFactory.getDefault(), sdk -> { }, Clock.systemUTC(), requestHeaders);
    }

    /**
     * @param sockets    where the TCP_NODELAY sockets come from
     * @param sdkOptions a last change to the SDK client (tests replace its sleeper, so that backoff takes no time)
     */
    OpenAiModel(OpenAiSettings settings, SocketFactory sockets, Consumer<OpenAIOkHttpClient.Builder> sdkOptions,
                Clock clock) {
        this(settings, sockets, sdkOptions, clock, Map::of);
    }

    private OpenAiModel(OpenAiSettings settings, SocketFactory sockets, Consumer<OpenAIOkHttpClient.Builder> sdkOptions,
                        Clock clock, Supplier<Map<String, String>> requestHeaders) {
        this.requestHeaders = requestHeaders;
        this.settings = settings;
        this.http = Transport.create(sockets);
        OpenAIOkHttpClient.Builder sdk = OpenAIOkHttpClient.builder()
                .okHttpClient(http)
                .baseUrl(settings.baseUrl())
                .timeout(settings.requestTimeout())
                .maxRetries(settings.maxRetries());
        if (settings.apiKey() == null) {
            // the SDK insists on a credential; with its header removed, this one is never sent
            sdk.apiKey(NO_KEY).removeHeaders("Authorization");
        } else {
            sdk.apiKey(settings.apiKey());
        }
        sdkOptions.accept(sdk);
        this.client = sdk.build();
        this.requests = new ChatRequests(settings, SystemPrompt.load());
        this.faults = new Faults(settings, clock);
        this.clock = clock;
    }

    @Override
    public ModelReply reply(Prompt prompt) {
        try {
            return CompletionReplies.of(completions(prompt).create(withHeaders(requests.nonStreaming(prompt))));
        } catch (Exception problem) {
            throw faults.translate(problem);
        }
    }

    /** Streams the reply's text to {@code textDeltas} and returns the same reply as {@link #reply(Prompt)}. */
    @Override
    public ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
        StreamAssembly assembly = new StreamAssembly(textDeltas);
        try (StreamResponse<ChatCompletionChunk> stream =
                     completions(prompt).createStreaming(withHeaders(requests.streaming(prompt)))) {
            stream.stream().forEach(assembly::add);
            return assembly.reply();
        } catch (StreamAssembly.ConsumerFailure failure) {
            throw failure.getCause();
        } catch (Exception problem) {
            throw faults.translate(problem);
        }
    }

    private ChatCompletionCreateParams withHeaders(ChatCompletionCreateParams request) {
        Map<String, String> headers = requestHeaders.get();
        if (headers.isEmpty()) {
            return request;
        }
        ChatCompletionCreateParams.Builder withHeaders = request.toBuilder();
        headers.forEach(withHeaders::putAdditionalHeader);
        return withHeaders.build();
    }

    /**
     * The SDK's service, fitted to the turn's remaining time: when less than one attempt's timeout remains, one attempt
     * cut to what remains (a retry could only start after the turn is over); otherwise no more retries than whole
     * attempts fit in it. Without a deadline, the settings as they are.
     */
    private ChatCompletionService completions(Prompt prompt) {
        ChatCompletionService service = client.chat().completions();
        if (prompt.deadline().isEmpty()) {
            return service;
        }
        Duration remaining = Duration.between(clock.instant(), prompt.deadline().get());
        Duration attempt = settings.requestTimeout();
        if (remaining.compareTo(attempt) < 0) {
            Duration cut = remaining.toMillis() < 1 ? Duration.ofMillis(1) : remaining;
            return service.withOptions(options -> options.timeout(cut).maxRetries(0));
        }
        long retriesThatFit = remaining.toMillis() / attempt.toMillis() - 1;
        if (retriesThatFit >= settings.maxRetries()) {
            return service;
        }
        return service.withOptions(options -> options.maxRetries((int) retriesThatFit));
    }

    /** The model's name, as the service knows it. */
    public String modelName() {
        return settings.model();
    }

    /** The service's API root, for a readiness report (never with the key). */
    public String baseUrl() {
        return settings.baseUrl();
    }

    @Override
    public String describe() {
        return "OpenAI-compatible model " + settings.model() + " at " + settings.baseUrl();
    }

    @Override
    public void close() {
        client.close();
        Transport.release(http);
    }
}
