package dev.todochat.domain.chat;

import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnDeadlineTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock a test moves by hand. */
    private static final class HandClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(START);

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void a_model_call_in_time_is_told_the_deadline_and_answers() {
        HandClock clock = new HandClock();
        TurnDeadline deadline = new TurnDeadline(clock, Duration.ofSeconds(60));

        ModelReply reply = deadline.callModel(now -> ModelReply.text("at " + now));

        assertThat(deadline.at()).isEqualTo(START.plusSeconds(60));
        assertThat(reply.text()).isEqualTo("at " + START);
    }

    @Test
    void no_model_call_starts_once_the_deadline_has_passed() {
        HandClock clock = new HandClock();
        TurnDeadline deadline = new TurnDeadline(clock, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));

        assertThatThrownBy(() -> deadline.callModel(now -> {
            throw new AssertionError("the model must not be called");
        })).isInstanceOf(TurnTimedOut.class).hasMessageContaining("60 s");
    }

    @Test
    void a_model_failure_past_the_deadline_is_the_turns_timeout_and_one_before_it_stays_the_models() {
        HandClock clock = new HandClock();
        TurnDeadline deadline = new TurnDeadline(clock, Duration.ofMillis(1_500));
        ModelFailure early = new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "down");
        ModelFailure late = new ModelFailure(ModelFailure.Kind.TIMEOUT, "cut off");

        assertThatThrownBy(() -> deadline.callModel(now -> {
            throw early;
        })).isSameAs(early);
        assertThatThrownBy(() -> deadline.callModel(now -> {
            clock.advance(Duration.ofSeconds(2));
            throw late;
        })).isInstanceOf(TurnTimedOut.class).hasCause(late).hasMessageContaining("1500 ms");
    }
}
