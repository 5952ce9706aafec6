package dev.todochat.bootstrap;

import dev.todochat.http.TodoChatHttp;
import dev.todochat.http.TrustedProxies;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.todochat.bootstrap.Env.value;

/**
 * The API's guards that come from the environment: {@code RATE_LIMIT_USER_PER_MINUTE} (default 30) and
 * {@code RATE_LIMIT_ADDRESS_PER_MINUTE} (default 120) chat turns, 0 for no limit, counted in the database so that all
 * instances share them; {@code TRUSTED_PROXIES}, whose {@code X-Forwarded-For} names the client; and
 * {@code CORS_ALLOWED_ORIGINS}, the browser origins that may call the API.
 *
 * @param clock the time the rate-limit budgets refill by; turns take from them, so it is the turns' clock too
 */
record Protection(int turnsPerUser, int turnsPerAddress, TrustedProxies trustedProxies, List<String> corsOrigins,
                  Clock clock) {
    static final int DEFAULT_TURNS_PER_USER = 30;
    static final int DEFAULT_TURNS_PER_ADDRESS = 120;

    static Protection from(Map<String, String> env) {
        return new Protection(
                limit(env, "RATE_LIMIT_USER_PER_MINUTE", DEFAULT_TURNS_PER_USER),
                limit(env, "RATE_LIMIT_ADDRESS_PER_MINUTE", DEFAULT_TURNS_PER_ADDRESS),
                value(env, "TRUSTED_PROXIES").map(Protection::proxies).orElse(TrustedProxies.none()),
                value(env, "CORS_ALLOWED_ORIGINS").map(Protection::origins).orElse(List.of()),
                Clock.systemUTC());
    }

    /** No rate limit, no trusted proxy, no CORS: for tests that send many turns. */
    static Protection off() {
        return new Protection(0, 0, TrustedProxies.none(), List.of(), Clock.systemUTC());
    }

    Protection withClock(Clock clock) {
        return new Protection(turnsPerUser, turnsPerAddress, trustedProxies, corsOrigins, clock);
    }

    /** Puts these guards on {@code api}; the budgets are kept in the chat's storage. */
    TodoChatHttp.Builder applyTo(TodoChatHttp.Builder api) {
        api.trustedProxies(trustedProxies).corsOrigins(corsOrigins);
        if (turnsPerUser > 0 || turnsPerAddress > 0) {
            api.rateLimits(turnsPerUser, turnsPerAddress);
        }
        return api;
    }

    private static int limit(Map<String, String> env, String variable, int fallback) {
        Optional<String> text = value(env, variable);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(variable + " must be a whole number of turns a minute (0 for no limit), not '"
                    + text.get() + "'");
        }
        throw new ConfigException(variable + " must be 0 (no limit) or more, not '" + text.get() + "'");
    }

    private static TrustedProxies proxies(String text) {
        try {
            return TrustedProxies.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TRUSTED_PROXIES: " + e.getMessage());
        }
    }

    private static List<String> origins(String text) {
        List<String> origins = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            TodoChatHttp.builder().corsOrigins(origins); // the API's own check, at start-up rather than at bind
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CORS_ALLOWED_ORIGINS: " + e.getMessage());
        }
        return origins;
    }
}
