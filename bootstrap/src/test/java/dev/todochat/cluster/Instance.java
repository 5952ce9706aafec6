package dev.todochat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * A todochat server in its own JVM, started as {@code Main serve} exactly as in production, so that the test can
 * kill it with SIGKILL. Its output goes to a file, shown when it fails to start.
 */
final class Instance implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final int port;
    private final Path log;

    private Instance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Instance start(String name, Map<String, String> environment, Path workDir) {
        return start(name, environment, workDir, List.of());
    }

    /** @param jvmOptions options for the instance's JVM, such as {@code -Xmx2g} */
    static Instance start(String name, Map<String, String> environment, Path workDir, List<String> jvmOptions) {
        int port = LocalPrograms.freePort();
        Path log = workDir.resolve(name + ".log");
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", Integer.toString(port));
        env.put("TODOCHAT_DATA_DIR", workDir.resolve(name).toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // a benchmark may run another build's server (its jar), or another application with the same chat API (an
        // executable jar started with the same environment), under the same load
        String otherApplication = System.getProperty("benchmark.server.jar", "");
        if (!otherApplication.isBlank()) {
            command.addAll(List.of("-jar", otherApplication));
        } else {
            String classpath = System.getProperty("benchmark.server.classpath", System.getProperty("java.class.path"));
            command.addAll(List.of("-cp", classpath, "dev.todochat.bootstrap.Main", "serve"));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Instance instance = new Instance(builder.start(), port, log);
            instance.awaitHealthy();
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs another subcommand ({@code migrate}) in its own JVM as an operator would, to its end.
     *
     * @throws IllegalStateException with the command's output when it fails
     */
    static void run(String subcommand, Map<String, String> environment, Path workDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.todochat.bootstrap.Main", subcommand);
        builder.environment().clear();
        builder.environment().putAll(environment);
        LocalPrograms.run(builder, workDir.resolve(subcommand + ".log"));
    }

    /** The instance's process, to read its CPU time, memory and heap. */
    ProcessHandle process() {
        return process.toHandle();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: no shutdown hook runs, nothing is released, as when a machine dies. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the instance stopped at start-up:\n" + output());
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Waiting.pause(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException("the instance did not become healthy in " + START_TIMEOUT + ":\n" + output());
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
