package dev.todochat.bootstrap;

import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.UserId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the command line asks for. Parsing checks everything it can before anything starts. */
sealed interface Command {
    Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(24);

    String USAGE = """
            Usage: java -jar todochat.jar [command]

            Commands:
              serve                              start the server (the default)
              token --user ID [--ttl DURATION]   print a signed token for user ID, valid for DURATION
                                                 (45s, 30m, 12h, 7d or ISO-8601 like PT1H; default 24h)
              mcp-stdio --user ID                serve user ID's task tools over MCP on standard input and
                                                 output, for a local client such as Claude Desktop
              migrate                            apply database migrations, then exit
              eval [--cases FILE] [--min-accuracy PERCENT] [--database-url URL]
                                                 measure how well the configured model uses the task tools
                                                 on a built-in set of conversations (or FILE), in a throwaway
                                                 database; exits 1 below PERCENT (e.g. 95)
              help                               show this help

            Settings come from environment variables: PORT, DATABASE_URL, TODOCHAT_DATA_DIR, JWT_SECRET
            (or BETTER_AUTH_SECRET). See docs/configuration.md.
            """;

    /** Run the server until stopped. */
    record Serve() implements Command {
    }

    /** Print a token for {@code user}. */
    record IssueToken(UserId user, Duration lifetime) implements Command {
    }

    /** Serve {@code user}'s task tools over MCP on standard input and output until the client closes the input. */
    record McpStdio(UserId user) implements Command {
    }

    /** Apply migrations and exit. */
    record Migrate() implements Command {
    }

    /** Run an eval set against the configured model; empty options mean the built-in set, no threshold. */
    record Eval(Optional<Path> cases, OptionalDouble minAccuracy, Optional<String> databaseUrl) implements Command {
    }

    /** Print the usage. */
    record Help() implements Command {
    }

    /** The command line cannot be understood; the message says why. */
    final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static Command parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        String name = rest.isEmpty() ? "serve" : rest.pop();
        Command command = switch (name) {
            case "serve" -> new Serve();
            case "token" -> token(rest);
            case "mcp-stdio" -> mcpStdio(rest);
            case "migrate" -> new Migrate();
            case "eval" -> eval(rest);
            case "help", "--help", "-h" -> new Help();
            default -> throw new UsageError("unknown command '" + name + "'");
        };
        if (!rest.isEmpty()) {
            throw new UsageError("unexpected argument '" + rest.peek() + "' for " + name);
        }
        return command;
    }

    private static Command token(Deque<String> rest) {
        String user = null;
        Duration lifetime = DEFAULT_TOKEN_LIFETIME;
        while (!rest.isEmpty() && rest.peek().startsWith("--")) {
            String flag = rest.pop();
            String[] inline = flag.split("=", 2);
            String value = inline.length == 2 ? inline[1] : valueOf(inline[0], rest);
            switch (inline[0]) {
                case "--user" -> user = value;
                case "--ttl" -> lifetime = lifetime(value);
                default -> throw new UsageError("unknown option '" + inline[0] + "' for token");
            }
        }
        return new IssueToken(user("token", user), lifetime);
    }

    private static Command mcpStdio(Deque<String> rest) {
        String user = null;
        while (!rest.isEmpty() && rest.peek().startsWith("--")) {
            String[] inline = rest.pop().split("=", 2);
            String value = inline.length == 2 ? inline[1] : valueOf(inline[0], rest);
            if (!inline[0].equals("--user")) {
                throw new UsageError("unknown option '" + inline[0] + "' for mcp-stdio");
            }
            user = value;
        }
        return new McpStdio(user("mcp-stdio", user));
    }

    private static Command eval(Deque<String> rest) {
        Optional<Path> cases = Optional.empty();
        OptionalDouble minAccuracy = OptionalDouble.empty();
        Optional<String> databaseUrl = Optional.empty();
        while (!rest.isEmpty() && rest.peek().startsWith("--")) {
            String[] inline = rest.pop().split("=", 2);
            String value = inline.length == 2 ? inline[1] : valueOf(inline[0], rest);
            switch (inline[0]) {
                case "--cases" -> cases = Optional.of(Path.of(value));
                case "--min-accuracy" -> minAccuracy = OptionalDouble.of(percent(value));
                case "--database-url" -> databaseUrl = Optional.of(value);
                default -> throw new UsageError("unknown option '" + inline[0] + "' for eval");
            }
        }
        return new Eval(cases, minAccuracy, databaseUrl);
    }

    /** A percentage, "95" or "95%", or a fraction written with a point, "0.95". */
    private static double percent(String value) {
        String number = value.strip().endsWith("%") ? value.strip().substring(0, value.strip().length() - 1) : value;
        double parsed;
        try {
            parsed = Double.parseDouble(number.strip());
        } catch (NumberFormatException e) {
            throw new UsageError("--min-accuracy must be a percentage such as 95, not '" + value + "'");
        }
        double percent = parsed <= 1 && number.contains(".") ? parsed * 100 : parsed;
        if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
            throw new UsageError("--min-accuracy must be between 0 and 100, not '" + value + "'");
        }
        return percent;
    }

    private static UserId user(String command, String value) {
        if (value == null) {
            throw new UsageError(command + " needs --user ID");
        }
        try {
            return new UserId(value);
        } catch (InvalidInput e) {
            throw new UsageError("--user: " + e.getMessage());
        }
    }

    private static String valueOf(String flag, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new UsageError(flag + " needs a value");
        }
        return rest.pop();
    }

    private static Duration lifetime(String value) {
        try {
            return Lifetimes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--ttl: " + e.getMessage());
        }
    }
}
