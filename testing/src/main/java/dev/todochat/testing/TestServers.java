package dev.todochat.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * Finds a PostgreSQL server for the tests, in this order: the one named by {@code TODOCHAT_TEST_DATABASE_URL}; an
 * embedded one (zonky) in a temporary directory; a Testcontainers one when Docker is reachable.
 */
final class TestServers {
    static final String URL_VARIABLE = "TODOCHAT_TEST_DATABASE_URL";

    private TestServers() {
    }

    static DatabaseServer start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            ServerAddress address = ServerAddress.parse(url.strip());
            return new DatabaseServer(address, "the PostgreSQL server at " + address + " (" + URL_VARIABLE + ")", () -> { });
        }
        try {
            return embedded();
        } catch (IOException | RuntimeException embeddedFailure) {
            if (!ContainerServer.dockerAvailable()) {
                throw new IllegalStateException("No PostgreSQL for the tests: the embedded "
                        + "server did not start and Docker is not reachable. Set " + URL_VARIABLE
                        + " to postgres://user:password@host:port/postgres of a server the tests may create databases on.",
                        embeddedFailure);
            }
            System.err.println("Embedded PostgreSQL did not start (" + embeddedFailure + "); trying Testcontainers.");
            return ContainerServer.start();
        }
    }

    private static DatabaseServer embedded() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        ServerAddress address = new ServerAddress("localhost:" + postgres.getPort(), "postgres", "postgres", null, "");
        return new DatabaseServer(address, "an embedded PostgreSQL on port " + postgres.getPort()
                + " (set " + URL_VARIABLE + " to use another server)", postgres);
    }
}
