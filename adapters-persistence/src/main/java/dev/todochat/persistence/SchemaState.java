package dev.todochat.persistence;

import java.util.Optional;

/**
 * What the database says about its schema, for a readiness check.
 *
 * @param reachable whether the database answered at all
 * @param applied   the newest migration version applied to it (empty when none, or when it did not answer)
 * @param expected  the newest migration version this build carries
 */
public record SchemaState(boolean reachable, Optional<String> applied, String expected) {

    /** Whether every migration of this build is applied: the schema is this build's, or a newer compatible one. */
    public boolean current() {
        return reachable && applied.isPresent() && compare(applied.get(), expected) >= 0;
    }

    /** Why the database is not ready, in a sentence; empty when it is. */
    public Optional<String> problem() {
        if (!reachable) {
            return Optional.of("the database does not answer");
        }
        if (!current()) {
            return Optional.of("the database schema is at version " + applied.orElse("none") + " but this build"
                    + " expects version " + expected + "; run the migrate command (or start an instance that"
                    + " migrates)");
        }
        return Optional.empty();
    }

    /** Flyway versions are dotted numbers ({@code 3}, {@code 3.1}); compared part by part. */
    static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? Long.parseLong(a[i]) : 0;
            long y = i < b.length ? Long.parseLong(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }
}
