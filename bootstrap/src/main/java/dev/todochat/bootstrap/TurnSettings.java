package dev.todochat.bootstrap;

import dev.todochat.domain.chat.ChatLimits;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code TURN_LEASE} (how long a turn holds its conversation without writing; default 2 minutes) and
 * {@code IDEMPOTENCY_KEY_TTL} (how long a request's answer is kept for retries; default 24 hours) and
 * {@code TURN_TIMEOUT} (how long a whole turn may take; default 60 seconds), in the forms
 * {@code 90s}, {@code 2m}, {@code 24h}, {@code 1d} or ISO-8601.
 */
final class TurnSettings {
    private TurnSettings() {
    }

    static ChatLimits from(Map<String, String> env) {
        return ChatLimits.DEFAULT
                .withTurnLease(duration(env, "TURN_LEASE").orElse(ChatLimits.DEFAULT_TURN_LEASE))
                .withIdempotencyTtl(duration(env, "IDEMPOTENCY_KEY_TTL").orElse(ChatLimits.DEFAULT_IDEMPOTENCY_TTL))
                .withTurnTimeout(duration(env, "TURN_TIMEOUT").orElse(ChatLimits.DEFAULT_TURN_TIMEOUT));
    }

    private static Optional<Duration> duration(Map<String, String> env, String variable) {
        return Env.value(env, variable).map(value -> {
            try {
                return Lifetimes.parse(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(variable + ": " + e.getMessage());
            }
        });
    }
}
