package dev.todochat.bootstrap;

import java.util.Map;
import java.util.Optional;

/**
 * How every setting is read from the environment: a blank variable counts as unset, and a value is taken without the
 * white space around it, except a secret, which is taken byte for byte.
 */
final class Env {
    private Env() {
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return exact(env, name).map(String::strip);
    }

    /** The value as it was set, for secrets: a space in one is the secret's own. */
    static Optional<String> exact(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code fallback} when unset.
     *
     * @throws ConfigException naming the variable, the range and what it was set to
     */
    static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below, as an out-of-range value is
        }
        throw new ConfigException(name + " must be a number from " + min + " to " + max + ", not '" + text.get() + "'");
    }
}
