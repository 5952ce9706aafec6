package dev.todochat.http;

import java.util.Map;
import java.util.Optional;

/**
 * Whether this instance should get traffic, for {@code GET /ready}.
 *
 * @param problem why it should not, in a sentence; empty when it is ready
 * @param checks  what was checked and what was found, shown in the answer either way (no secrets)
 */
public record Readiness(Optional<String> problem, Map<String, Object> checks) {
    public Readiness {
        problem = problem == null ? Optional.empty() : problem;
        checks = Map.copyOf(checks);
    }

    public boolean ready() {
        return problem.isEmpty();
    }
}
