package dev.todochat.llm.openai;

import okhttp3.Headers;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:30:00Z"), ZoneOffset.UTC);

    private static Headers header(String name, String value) {
        return Headers.of(name, value);
    }

    @Test
    void should_read_seconds_rounding_up() {
        assertThat(RetryAfter.from(header("Retry-After", "2"), CLOCK)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.from(header("retry-after", "1.2"), CLOCK)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.from(header("Retry-After", "0"), CLOCK)).contains(Duration.ofSeconds(1));
    }

    @Test
    void should_prefer_milliseconds_when_given() {
        Headers both = Headers.of("Retry-After-Ms", "2500", "Retry-After", "9");

        assertThat(RetryAfter.from(both, CLOCK)).contains(Duration.ofSeconds(3));
    }

    @Test
    void should_read_an_http_date_against_the_clock() {
        assertThat(RetryAfter.from(header("Retry-After", "Sun, 22 Nov 2026 09:30:30 GMT"), CLOCK))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void should_ignore_what_it_cannot_read_or_what_lies_in_the_past() {
        assertThat(RetryAfter.from(header("Retry-After", "soon"), CLOCK)).isEmpty();
        assertThat(RetryAfter.from(header("Retry-After", "Sun, 22 Nov 2026 09:00:00 GMT"), CLOCK)).isEmpty();
        assertThat(RetryAfter.from(Headers.of(), CLOCK)).isEmpty();
    }
}
