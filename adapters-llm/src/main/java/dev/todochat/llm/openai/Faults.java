package dev.todochat.llm.openai;

import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelFailure.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What a failed model call means for the client, once its retries are spent: 429 is {@code RATE_LIMITED};
 * 502, 503 and an unreachable service are {@code UNAVAILABLE}; 408, 504 and our own timeout are {@code TIMEOUT};
 * anything else the service answered (4xx, other 5xx, unreadable replies) is {@code UPSTREAM_ERROR}.
 *
 * <p>The failure's message is a fixed sentence with at most the status code. The service's error body (OpenAI's 401
 * body repeats part of the key) is never passed on or logged, nor is a stack trace; the WARN line names the status, the error type and code, the exception classes, and the messages of the
 * JDK's network exceptions (host, port, "timeout"). The key is masked should it appear anyway.
 */
final class Faults {
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiModel.class);

    private final OpenAiSettings settings;
    private final Clock clock;

    Faults(OpenAiSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The failure to throw for {@code problem}, which is logged; a problem that is no model fault is rethrown. */
    ModelFailure translate(Exception problem) {
        ModelFailure failure = switch (problem) {
            case CallFault.StreamFailed stream -> new ModelFailure(Kind.UPSTREAM_ERROR,
                    "the model service reported an error while streaming", null, null);
            case CallFault.Answered service -> answered(service);
            case CallFault.Unreadable unreadable -> new ModelFailure(Kind.UPSTREAM_ERROR,
                    "the model service sent a reply that could not be read", null, null);
            default -> unreached(problem);
        };
        LOG.warn("model call to {} ({}) failed: {} [{}]", settings.baseUrl(), settings.model(), failure.kind(),
                scrub(details(problem)));
        return failure;
    }

    private ModelFailure answered(CallFault.Answered service) {
        int status = service.status();
        Optional<Duration> retryAfter = RetryAfter.from(service.headers(), clock);
        return switch (status) {
            case 429 -> new ModelFailure(Kind.RATE_LIMITED, "the model service rate-limited the request",
                    retryAfter.orElse(DEFAULT_RATE_LIMIT_WAIT), null);
            case 502, 503 -> new ModelFailure(Kind.UNAVAILABLE,
                    "the model service is unavailable (HTTP " + status + ")", retryAfter.orElse(null), null);
            case 408, 504 -> new ModelFailure(Kind.TIMEOUT,
                    "the model service timed out (HTTP " + status + ")", null, null);
            case 401, 403 -> new ModelFailure(Kind.UPSTREAM_ERROR,
                    "the model service refused the API key (HTTP " + status + ")", null, null);
            case 404 -> new ModelFailure(Kind.UPSTREAM_ERROR, "the model service does not know this model or path "
                    + "(HTTP 404): check the base URL and the model name", null, null);
            default -> new ModelFailure(Kind.UPSTREAM_ERROR,
                    "the model service returned an error (HTTP " + status + ")", null, null);
        };
    }

    private ModelFailure unreached(Exception problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return new ModelFailure(Kind.TIMEOUT, "the model service did not answer within "
                        + seconds(settings.requestTimeout()), null, null);
            }
        }
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new ModelFailure(Kind.UNAVAILABLE, "the model service could not be reached", null, null);
            }
        }
        throw problem instanceof RuntimeException runtime ? runtime : new IllegalStateException(problem);
    }

    private static String details(Exception problem) {
        StringBuilder details = new StringBuilder(problem.getClass().getSimpleName());
        if (problem instanceof CallFault.Answered service) {
            details.append(" HTTP ").append(service.status());
            Optional.ofNullable(service.type()).ifPresent(type -> details.append(" type=").append(type));
            Optional.ofNullable(service.code()).ifPresent(code -> details.append(" code=").append(code));
        } else if (problem instanceof CallFault) {
            details.append(": ").append(problem.getMessage());
        } else {
            for (Throwable cause = problem.getCause(); cause != null; cause = cause.getCause()) {
                details.append(" <- ").append(cause.getClass().getSimpleName());
                if (fromTheJdk(cause) && cause.getMessage() != null) {
                    details.append(": ").append(cause.getMessage());
                }
            }
        }
        return details.toString();
    }

    /**
     * The JDK's network exceptions say what failed (host, port, "timeout"). Others may quote what they could not
     * parse, or wrap an exception whose message is the upstream body, so their messages stay out of the log.
     */
    private static boolean fromTheJdk(Throwable cause) {
        String name = cause.getClass().getName();
        return name.startsWith("java.net.") || name.startsWith("javax.net.")
                || cause.getClass() == IOException.class || cause.getClass() == InterruptedIOException.class;
    }

    private String scrub(String text) {
        String key = settings.apiKey();
        String shortened = text.length() > 500 ? text.substring(0, 500) + "…" : text;
        return key == null ? shortened : shortened.replace(key, "***");
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() / 1000.0 + " s";
    }
}
