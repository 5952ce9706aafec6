package dev.todochat.llm.openai;

import dev.todochat.domain.RetryHint;
import okhttp3.Headers;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * How long the model service asked us to wait: {@code Retry-After-Ms} (OpenAI's own), or {@code Retry-After} in
 * seconds or as an HTTP date. {@link #from} rounds it up to whole seconds, at least one, because that is what an HTTP
 * client is told in turn; {@link #exact} is the wait itself, for a retry's pause.
 */
final class RetryAfter {
    private RetryAfter() {
    }

    static Optional<Duration> from(Headers headers, Clock clock) {
        return exact(headers, clock).map(RetryAfter::wholeSeconds);
    }

    static Optional<Duration> exact(Headers headers, Clock clock) {
        return first(headers.values("Retry-After-Ms")).flatMap(RetryAfter::millis)
                .or(() -> first(headers.values("Retry-After")).flatMap(value -> seconds(value, clock)))
                .filter(wait -> !wait.isNegative());
    }

    private static Optional<String> first(List<String> values) {
        return values.stream().map(String::strip).filter(value -> !value.isEmpty()).findFirst();
    }

    private static Optional<Duration> millis(String value) {
        return number(value).map(ms -> Duration.ofMillis((long) Math.ceil(ms)));
    }

    private static Optional<Duration> seconds(String value, Clock clock) {
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return seconds.map(s -> Duration.ofMillis((long) Math.ceil(s * 1000)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Optional.of(Duration.between(clock.instant(), at.toInstant()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Duration wholeSeconds(Duration wait) {
        return Duration.ofSeconds(RetryHint.wholeSeconds(wait));
    }
}
