package dev.todochat.bootstrap;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** The lines the server prints for people: what runs, where, and how to change it. Never a secret. */
final class Announcements {
    private static final String RULE = "!".repeat(78) + "\n";
    private static final String DEFAULT_COMMAND = "java -jar bootstrap/target/todochat.jar";

    private Announcements() {
    }

    static String started(Listening listening, int port, String database, String model, boolean embeddedDatabase,
                          boolean offlineModel, boolean devSignIn) {
        String base = "http://" + listening.linkHost() + ":" + port;
        StringBuilder text = new StringBuilder()
                .append("todochat is listening on ").append(base).append('\n')
                .append("  address:  ").append(listening.describe(port)).append('\n')
                .append("  web page: ").append(base).append('/')
                .append(devSignIn ? " (development mode: sign in with any user name, on this machine only)"
                        : " (sign in with a token)")
                .append('\n')
                .append("  database: ").append(database).append('\n');
        if (embeddedDatabase) {
            text.append("            to use your own PostgreSQL, set DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DB\n");
        }
        text.append("  model:    ").append(model).append('\n');
        if (offlineModel) {
            text.append("            to use a real model, set OPENAI_API_KEY=... (OpenAI), or OPENAI_BASE_URL=... and\n")
                    .append("            OPENAI_MODEL=... for any OpenAI-compatible service (see docs/configuration.md)\n");
        }
        text.append("  token:    ").append(selfCommand()).append(" token --user alice\n")
                .append("  chat:     curl -s ").append(base).append("/api/alice/chat -H \"Authorization: Bearer $TOKEN\"")
                .append(" -H 'Content-Type: application/json' -d '{\"message\": \"Add a task to buy milk\"}'\n")
                .append("  health:   curl -s ").append(base).append("/health\n");
        return text.toString();
    }

    static String developmentSecret(String file) {
        return RULE
                + "!! WARNING: no JWT_SECRET (or BETTER_AUTH_SECRET) is set.\n"
                + "!! Tokens are signed and checked with a development secret generated at\n"
                + "!!   " + file + "\n"
                + "!! Anyone who can read that file can act as any user.\n"
                + "!! Set JWT_SECRET (at least 32 bytes) for production.\n"
                + RULE;
    }

    /** How to run this very jar, relative to the current folder when it lies below it. */
    static String selfCommand() {
        CodeSource source = Announcements.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return DEFAULT_COMMAND;
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            return DEFAULT_COMMAND;
        }
        if (!location.toString().endsWith(".jar")) {
            return DEFAULT_COMMAND;
        }
        Path here = Path.of("").toAbsolutePath();
        return "java -jar " + (location.startsWith(here) ? here.relativize(location) : location);
    }
}
