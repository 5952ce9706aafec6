package dev.todochat.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.http.Tokens;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server owns the model it is given: a model holding connections (the OpenAI client) is closed with it. */
class ServerResourcesTest {
    private final ClosableModel model = new ClosableModel(ScriptedModel.create());
    private final Tokens tokens = new Tokens(RunningServer.SECRET, Clock.systemUTC());

    @Test
    void stopping_the_server_closes_its_model_once() {
        PostgresDatabase database = migrated();
        Server server = Server.start(database, model, tokens, Server.Options.defaults());

        server.close();
        server.close();

        assertThat(model.closed.get()).isEqualTo(1);
        assertThat(database.isReachable()).isFalse();
    }

    @Test
    void a_server_that_cannot_take_its_port_closes_its_model_and_its_database() throws Exception {
        PostgresDatabase database = migrated();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Server.Options options = Server.Options.defaults().withListening(taken.getLocalPort(), Optional.empty());

            // Javalin logs its failed start as an ERROR: expected here, so kept off the console
            Logger javalin = (Logger) LoggerFactory.getLogger("io.javalin.Javalin");
            Level level = javalin.getLevel();
            javalin.setLevel(Level.OFF);
            try {
                assertThatThrownBy(() -> Server.start(database, model, tokens, options))
                        .isInstanceOf(RuntimeException.class);
            } finally {
                javalin.setLevel(level);
            }
        }

        assertThat(model.closed.get()).isEqualTo(1);
        assertThat(database.isReachable()).isFalse();
    }

    private static PostgresDatabase migrated() {
        PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 2);
        database.migrate();
        return database;
    }

    /** The scripted model, with a close that counts: what the server does with a model that holds resources. */
    private static final class ClosableModel implements LanguageModel, AutoCloseable {
        private final ScriptedModel scripted;
        private final AtomicInteger closed = new AtomicInteger();

        ClosableModel(ScriptedModel scripted) {
            this.scripted = scripted;
        }

        @Override
        public ModelReply reply(Prompt prompt) {
            return scripted.reply(prompt);
        }

        @Override
        public String describe() {
            return scripted.describe();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }
}
