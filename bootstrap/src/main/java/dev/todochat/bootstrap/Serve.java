package dev.todochat.bootstrap;

import dev.todochat.domain.port.LanguageModel;
import dev.todochat.http.Tokens;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.persistence.PostgresDatabase;

import java.io.PrintStream;
import java.security.SecureRandom;

/**
 * The {@code serve} command up to the point where the server listens: secret, database, migrations, model, HTTP,
 * then a few plain lines saying what runs where and how to switch to the real thing.
 */
final class Serve {
    private final PrintStream out;
    private final PrintStream err;

    Serve(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    Server start(Config config, SecureRandom random) {
        JwtSecret secret = JwtSecret.resolve(config, random);
        Tokens tokens = secret.tokens();
        if (secret.generated()) {
            err.print(Announcements.developmentSecret(secret.source()));
        }
        if (config.databaseUrl().isEmpty()) {
            out.println("Starting the embedded PostgreSQL in " + config.embeddedPostgresDir() + " ...");
        }
        PostgresDatabase database = Server.openDatabase(config);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        boolean devSignIn = offersDevSignIn(config, secret);
        // made only once the database is up, so that a failed start before this point has no client to close
        Tracing tracing = Tracing.from(System.getenv());
        LanguageModel model = config.openAi().<LanguageModel>map(settings -> new OpenAiModel(settings,
                tracing::outgoingHeaders)).orElseGet(OfflineAssistant::new);
        Listening listening = Listening.choose(config.host(), devSignIn);
        Server server = Server.start(database, model, tokens, new Server.Options(config.port(), listening.host(),
                config.mcp(), devSignIn, config.protection(), config.limits(), tracing));
        out.print(Announcements.started(listening, server.port(), database.describe(), model.describe(),
                config.databaseUrl().isEmpty(), config.openAi().isEmpty(), devSignIn));
        return server;
    }

    /**
     * Whether the page may sign anyone in by name: only in the default mode a newcomer starts in (development mode),
     * the embedded database with the generated development secret; the server then listens on loopback unless
     * {@code HOST} says otherwise. With a real database or a real secret, tokens must come from the host application.
     */
    static boolean offersDevSignIn(Config config, JwtSecret secret) {
        return config.databaseUrl().isEmpty() && secret.generated();
    }
}
