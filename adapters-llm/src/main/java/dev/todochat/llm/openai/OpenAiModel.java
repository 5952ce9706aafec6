package dev.todochat.llm.openai;

import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;

import javax.net.SocketFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A language model behind any OpenAI-compatible chat-completions service (OpenAI, OpenRouter, Ollama, vLLM,
 * LM Studio, llama.cpp). Each call sends the system prompt, the replayed history and the tool specs, and returns the
 * reply's text, tool calls and token usage; it keeps nothing between calls.
 *
 * <p>It writes the request's JSON straight from the prompt and reads the reply straight into a {@link ModelReply},
 * over pooled OkHttp connections whose sockets set TCP_NODELAY ({@code docs/models.md}, "Why not the SDK", says why
 * this is not the openai-java SDK). Timeouts, connection failures, 429 and 5xx are retried with exponential
 * backoff, honouring {@code Retry-After}, within the turn's deadline; what still fails becomes a {@link ModelFailure}
 * whose message never holds the key or the service's answer. Safe for concurrent use; {@link #close()} releases the
 * connections.
 */
public final class OpenAiModel implements LanguageModel, AutoCloseable {
    private final OpenAiSettings settings;
    private final Transport http;
    private final ChatCompletions completions;
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
        this(settings, SocketFactory.getDefault(), Sleeper.REAL, Clock.systemUTC(), requestHeaders);
    }

    /**
     * @param sockets where the TCP_NODELAY sockets come from
     * @param sleeper how a retry waits (tests record the pauses, so that backoff takes no time)
     */
    OpenAiModel(OpenAiSettings settings, SocketFactory sockets, Sleeper sleeper, Clock clock) {
        this(settings, sockets, sleeper, clock, Map::of);
    }

    private OpenAiModel(OpenAiSettings settings, SocketFactory sockets, Sleeper sleeper, Clock clock,
                        Supplier<Map<String, String>> requestHeaders) {
        this.requestHeaders = requestHeaders;
        this.settings = settings;
        this.http = Transport.create(sockets, settings.requestTimeout());
        this.completions = new ChatCompletions(http, settings, sleeper, clock);
        this.requests = new ChatRequests(settings, SystemPrompt.load());
        this.faults = new Faults(settings, clock);
        this.clock = clock;
    }

    @Override
    public ModelReply reply(Prompt prompt) {
        try {
            return CompletionReplies.of(completions.complete(requests.body(prompt, false), requestHeaders.get(),
                    attempts(prompt)));
        } catch (Exception problem) {
            throw faults.translate(problem);
        }
    }

    /** Streams the reply's text to {@code textDeltas} and returns the same reply as {@link #reply(Prompt)}. */
    @Override
    public ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
        StreamAssembly assembly = new StreamAssembly(textDeltas);
        try {
            completions.stream(requests.body(prompt, true), requestHeaders.get(), attempts(prompt), assembly);
            return assembly.reply();
        } catch (StreamAssembly.ConsumerFailure failure) {
            throw failure.getCause();
        } catch (Exception problem) {
            throw faults.translate(problem);
        }
    }

    /**
     * The call fitted to the turn's remaining time: when less than one attempt's timeout remains, one attempt cut to
     * what remains (a retry could only start after the turn is over); otherwise no more retries than whole attempts
     * fit in it. Without a deadline, the settings as they are.
     */
    private ChatCompletions.Attempts attempts(Prompt prompt) {
        Duration attempt = settings.requestTimeout();
        if (prompt.deadline().isEmpty()) {
            return new ChatCompletions.Attempts(attempt, settings.maxRetries());
        }
        Duration remaining = Duration.between(clock.instant(), prompt.deadline().get());
        if (remaining.compareTo(attempt) < 0) {
            return new ChatCompletions.Attempts(remaining.toMillis() < 1 ? Duration.ofMillis(1) : remaining, 0);
        }
        long retriesThatFit = remaining.toMillis() / attempt.toMillis() - 1;
        return new ChatCompletions.Attempts(attempt, (int) Math.min(retriesThatFit, settings.maxRetries()));
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
        http.close();
    }
}
