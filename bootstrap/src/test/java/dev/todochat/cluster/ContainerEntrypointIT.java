package dev.todochat.cluster;

import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be proven of {@code deploy/Dockerfile} without a container engine: the packaged jar serves when started
 * with exactly the image's {@code ENTRYPOINT} and {@code CMD}, in its {@code WORKDIR}, with only the image's
 * {@code ENV} and what compose.yaml adds (the database and the secret), nothing inherited from whoever runs the test;
 * the image's paths live under a folder standing in for the image's root. The {@code HEALTHCHECK} command passes
 * against it, and SIGTERM (what {@code docker stop} sends) stops it.
 */
class ContainerEntrypointIT {
    private static final String SECRET = "container-secret-of-at-least-32-bytes";

    /** Stands in for the image's file system: an image path {@code /x/y} is {@code imageRoot/x/y} here. */
    @TempDir
    Path imageRoot;

    @Test
    void the_jar_serves_with_exactly_the_images_entrypoint_environment_and_health_check() throws Exception {
        Dockerfile image = Dockerfile.parse(DeployFiles.read("Dockerfile"));
        assertThat(image.last("USER")).as("a user other than root").doesNotStartWith("0").doesNotStartWith("root");

        List<String> entrypoint = image.execForm("ENTRYPOINT");
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        String jarInImage = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        assertThat(image.copies()).containsEntry(jarInImage, "bootstrap/target/todochat.jar");
        Path jar = DeployFiles.path("Dockerfile").getParent().resolveSibling("bootstrap/target/todochat.jar");
        assertThat(jar).as("the packaged jar (./mvnw package)").isRegularFile();

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        entrypoint.stream().skip(1).map(argument -> argument.equals(jarInImage) ? jar.toString() : argument)
                .forEach(command::add);
        command.addAll(image.execForm("CMD"));

        Map<String, String> env = new HashMap<>();
        image.env().forEach((name, value) -> env.put(name, inImage(value)));
        assertThat(env).containsKeys("HOME", "TODOCHAT_DATA_DIR", "PORT");
        // a container's port is its own; here it must be a free one
        int port = LocalPrograms.freePort();
        env.put("PORT", Integer.toString(port));
        env.put("DATABASE_URL", TestPostgres.freshDatabaseUrl());
        env.put("JWT_SECRET", SECRET);
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Path workDir = Path.of(inImage(image.last("WORKDIR")));
        Files.createDirectories(workDir);

        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(imageRoot.resolve("server.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process server = builder.start();
        try {
            assertThat(healthy(server, port)).as("healthy; output:\n%s", LocalPrograms.output(imageRoot.resolve(
                    "server.log"))).isTrue();

            ProcessBuilder check = new ProcessBuilder(image.healthCheck()).redirectErrorStream(true)
                    .redirectOutput(imageRoot.resolve("health.log").toFile());
            check.environment().clear();
            check.environment().putAll(env);
            Process healthCheck = check.start();
            assertThat(healthCheck.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(healthCheck.exitValue()).as("the HEALTHCHECK command's status").isZero();

            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
            assertThat(LocalPrograms.output(imageRoot.resolve("server.log"))).contains("listening on")
                    .doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    /** An absolute image path as a path under {@link #imageRoot}; any other value as it is. */
    private String inImage(String value) {
        return value.startsWith("/") ? imageRoot.resolve(value.substring(1)).toString() : value;
    }

    private static boolean healthy(Process server, int port) throws InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline) && server.isAlive()) {
                try {
                    HttpResponse<Void> health = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return true;
                    }
                } catch (IOException notYet) {
                    Waiting.pause(Duration.ofMillis(200));
                }
            }
            return false;
        }
    }
}
