package dev.todochat.bootstrap;

import java.net.BindException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the server listens: {@code HOST} when set; otherwise this machine only in development mode (the embedded
 * database with the generated secret, whose page signs anyone in by name), and every interface for a configured
 * deployment, which a load balancer or a container's port mapping must reach.
 *
 * @param host the address to bind; empty is every interface
 */
record Listening(Optional<String> host) {
    static final String LOOPBACK = "127.0.0.1";
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");
    private static final Set<String> LOCAL_NAMES = Set.of(LOOPBACK, "localhost");

    static Listening choose(Optional<String> configured, boolean developmentMode) {
        return new Listening(configured.or(() -> developmentMode ? Optional.of(LOOPBACK) : Optional.empty()));
    }

    /** The host to print in links: {@code localhost} unless {@code HOST} names one other address. */
    String linkHost() {
        String bound = host.orElse("0.0.0.0");
        if (WILDCARDS.contains(bound) || LOCAL_NAMES.contains(bound)) {
            return "localhost";
        }
        return bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound;
    }

    /** What the banner says about the addresses, and how to change them. */
    String describe(int port) {
        if (host.isEmpty()) {
            return "every interface, port " + port + " (HOST=127.0.0.1 keeps it to this machine)";
        }
        String bound = host.get();
        if (LOCAL_NAMES.contains(bound) || bound.startsWith("127.") || bound.equals("::1") || bound.equals("[::1]")) {
            return bound + " port " + port + ", this machine only (HOST=0.0.0.0 opens it to other machines)";
        }
        if (WILDCARDS.contains(bound)) {
            return (bound.equals("0.0.0.0") ? "every IPv4 interface" : "every interface") + ", port " + port
                    + " (HOST=" + bound + ")";
        }
        return bound + " port " + port + " (HOST=" + bound + ")";
    }

    /**
     * A failure to bind as one line naming the setting to change, instead of the web server's chain of causes; any
     * other failure unchanged.
     */
    static RuntimeException explainFailure(RuntimeException failure, int port, Optional<String> host) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                String reason = bind.getMessage() == null ? "" : bind.getMessage();
                if (reason.toLowerCase(Locale.ROOT).contains("in use")) {
                    return new ConfigException("port " + port + " is already in use: stop the program that holds it,"
                            + " or set PORT to another port (PORT=" + port + " now; PORT=0 picks a free one)");
                }
                return new ConfigException("cannot listen on " + host.orElse("every interface") + " port " + port
                        + ": " + reason + " (check HOST and PORT)");
            }
        }
        return failure;
    }
}
