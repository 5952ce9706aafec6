package dev.todochat.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The last resort for tests: PostgreSQL in a Docker container, through Testcontainers. */
final class ContainerServer {
    private static final String IMAGE = "postgres:17-alpine";

    private ContainerServer() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static DatabaseServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        ServerAddress address = new ServerAddress(
                container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(), container.getUsername(), container.getPassword(), "");
        return new DatabaseServer(address, "PostgreSQL in a Docker container (" + IMAGE + ", Testcontainers)",
                container::stop);
    }
}
