package dev.todochat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's nginx in the foreground with {@code deploy/nginx/todochat.conf.template} filled for three instances on
 * loopback and a free port, inside a main configuration of the test's own that keeps its pid file, logs and temporary
 * files in a folder of its own and names the instance that served each answer in {@code X-Upstream}. Closing stops it
 * by the pid in its pid file.
 */
final class Nginx implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** @param instances the three {@code host:port}s nginx balances over */
    static Nginx start(List<String> instances, Path dir) {
        if (instances.size() != 3) {
            throw new IllegalArgumentException("deploy/nginx/todochat.conf.template names three instances");
        }
        int port = LocalPrograms.freePort();
        Map<String, String> values = new HashMap<>(Map.of("NGINX_PORT", "127.0.0.1:" + port));
        for (int i = 0; i < instances.size(); i++) {
            values.put("TODOCHAT_" + (i + 1), instances.get(i));
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("todochat.conf"),
                    DeployFiles.filled("nginx/todochat.conf.template", values));
            Files.writeString(dir.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        # for the tests only: which instance served each answer
                        add_header X-Upstream $upstream_addr always;
                        client_body_temp_path %1$s/client_body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        include %1$s/todochat.conf;
                    }
                    """.formatted(dir));
            Process process = new ProcessBuilder(LocalPrograms.program("nginx", "nginx"), "-p", dir.toString(),
                    "-c", dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(process, dir, port);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        LocalPrograms.stop(process, dir.resolve("nginx.pid"));
    }

    private void awaitListening() {
        if (!LocalPrograms.awaitListening(process, port, START_TIMEOUT)) {
            close();
            throw new IllegalStateException("nginx did not start listening:\n"
                    + LocalPrograms.output(dir.resolve("nginx.out")) + LocalPrograms.output(dir.resolve("error.log")));
        }
    }
}
