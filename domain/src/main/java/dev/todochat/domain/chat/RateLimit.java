package dev.todochat.domain.chat;

import java.util.Objects;

/**
 * A budget of chat turns a minute that a request takes one turn from, in the turn's first transaction: it holds
 * {@code perMinute} turns and refills continuously at that rate. Budgets are kept in storage, so every instance on it
 * takes from the same one.
 *
 * @param key       whose budget: {@code "user:<id>"}, {@code "address:<ip>"}; a change of limit starts a fresh one
 * @param perMinute a positive number of turns a minute
 * @param scope     how a refusal names it to the client, such as {@code "for one user"}
 */
public record RateLimit(String key, int perMinute, String scope) {
    public RateLimit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scope, "scope");
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one turn a minute, not " + perMinute);
        }
    }

    /** The budget this limit takes from, as storage keeps it: a change of limit starts a fresh one. */
    public String budget() {
        return key + ":" + perMinute;
    }
}
