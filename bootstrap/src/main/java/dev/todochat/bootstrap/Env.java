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
}
