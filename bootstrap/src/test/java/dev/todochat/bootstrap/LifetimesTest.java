package dev.todochat.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifetimesTest {

    @Test
    void should_read_a_number_and_a_unit() {
        assertThat(Lifetimes.parse("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Lifetimes.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Lifetimes.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Lifetimes.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Lifetimes.parse("12H")).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void should_read_iso_8601_durations() {
        assertThat(Lifetimes.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Lifetimes.parse("P2DT3H")).isEqualTo(Duration.ofDays(2).plusHours(3));
        assertThat(Lifetimes.parse("pt90m")).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "h", "12x", "1.5h", "-5m", "twelve hours", "P", "PTXH"})
    void should_refuse_what_it_cannot_read(String text) {
        assertThatThrownBy(() -> Lifetimes.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "PT0S", "PT-1H"})
    void should_refuse_a_lifetime_that_is_not_positive(String text) {
        assertThatThrownBy(() -> Lifetimes.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
