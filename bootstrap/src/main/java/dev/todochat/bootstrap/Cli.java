package dev.todochat.bootstrap;

import dev.todochat.persistence.PostgresDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: runs one {@link Command} against an environment and two streams, and answers an exit status
 * (0 done, 1 failed, 2 not understood). Standard output carries only what the command produces; warnings, errors and
 * logs go to standard error, so that {@code TOKEN=$(java -jar todochat.jar token --user alice)} works.
 */
final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final Map<String, String> env;
    private final Path home;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final SecureRandom random = new SecureRandom();

    Cli(Map<String, String> env, Path home, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.home = home;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(String... args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (Command.UsageError e) {
            err.println("todochat: " + e.getMessage());
            err.println();
            err.print(Command.USAGE);
            return USAGE;
        }
        try {
            return switch (command) {
                case Command.Help help -> help();
                case Command.IssueToken token -> issue(token);
                case Command.McpStdio mcp -> mcpStdio(mcp);
                case Command.Migrate migrate -> migrate();
                case Command.Eval eval -> new EvalCommand(out, err).run(Config.from(env, home),
                        Optional.ofNullable(env.get(EvalCommand.DATABASE_URL_VARIABLE)).filter(url -> !url.isBlank()),
                        eval);
                case Command.Serve serve -> serve();
            };
        } catch (ConfigException e) {
            err.println("todochat: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("todochat: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            LOG.debug("todochat failed", e);
            err.println("todochat: " + reasons(e));
            return FAILED;
        }
    }

    /**
     * The first line of each distinct message down the cause chain: what failed and why, without a stack trace
     * (logged at DEBUG; set TODOCHAT_LOG_LEVEL=DEBUG to see it).
     */
    private static String reasons(Throwable failure) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage().strip().lines().findFirst().orElse("");
            if (!message.equals(previous)) {
                text.append(previous == null ? "" : "\n  caused by: ").append(message);
                previous = message;
            }
        }
        return text.toString();
    }

    private int help() {
        out.print(Command.USAGE);
        return OK;
    }

    private int issue(Command.IssueToken command) {
        JwtSecret secret = JwtSecret.resolve(Config.from(env, home), random);
        String token = secret.tokens().issue(command.user(), command.lifetime());
        if (secret.generated()) {
            err.println("todochat: signed with the development secret in " + secret.source()
                    + " (set JWT_SECRET for production)");
        }
        out.println(token);
        return OK;
    }

    private int mcpStdio(Command.McpStdio command) throws InterruptedException {
        new McpOverStdio(in, out, err).run(Config.from(env, home), command.user());
        return OK;
    }

    private int migrate() {
        try (PostgresDatabase database = Server.openDatabase(Config.from(env, home))) {
            database.migrate();
            out.println("Migrations applied: " + database.describe() + " is up to date.");
        }
        return OK;
    }

    private int serve() throws InterruptedException {
        Server server = new Serve(out, err).start(Config.from(env, home), random);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "todochat-shutdown"));
        server.awaitClosed();
        return OK;
    }
}
