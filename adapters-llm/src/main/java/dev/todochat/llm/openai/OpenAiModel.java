package dev.todochat.llm.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.time.Clock;
import java.util.function.Consumer;

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

    public OpenAiModel(OpenAiSettings settings) {
        this(settings, SocketFactory.getDefault(), sdk -> { }, Clock.systemUTC());
    }

    /**
     * @param sockets    where the TCP_NODELAY sockets come from
     * @param sdkOptions a last change to the SDK client (tests replace its sleeper, so that backoff takes no time)
     */
    OpenAiModel(OpenAiSettings settings, SocketFactory sockets, Consumer<OpenAIOkHttpClient.Builder> sdkOptions,
                Clock clock) {
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
    }

    @Override
    public ModelReply reply(Prompt prompt) {
        try {
            return CompletionReplies.of(client.chat().completions().create(requests.nonStreaming(prompt)));
        } catch (Exception problem) {
            throw faults.translate(problem);
        }
    }

    /** Streams the reply's text to {@code textDeltas} and returns the same reply as {@link #reply(Prompt)}. */
    @Override
    public ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
        StreamAssembly assembly = new StreamAssembly(textDeltas);
        try (StreamResponse<ChatCompletionChunk> stream =
                     client.chat().completions().createStreaming(requests.streaming(prompt))) {
            stream.stream().forEach(assembly::add);
            return assembly.reply();
        } catch (StreamAssembly.ConsumerFailure failure) {
            throw failure.getCause();
        } catch (Exception problem) {
            throw faults.translate(problem);
        }
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
