package dev.todochat.http;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A JWKS endpoint on loopback, as an auth service publishes one: its keys can change, and it counts its fetches. */
final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final List<PublicJwk<?>> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    static JwksServer serving(PublicJwk<?>... keys) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            JwksServer jwks = new JwksServer(http);
            jwks.keys.addAll(List.of(keys));
            http.createContext("/api/auth/jwks", exchange -> {
                jwks.fetches.incrementAndGet();
                byte[] body = jwks.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/jwks");
    }

    /** The set from now on holds exactly these keys. */
    void publish(PublicJwk<?>... keys) {
        this.keys.clear();
        this.keys.addAll(List.of(keys));
    }

    int fetches() {
        return fetches.get();
    }

    private String json() {
        return keys.stream().map(Jwks::json).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
