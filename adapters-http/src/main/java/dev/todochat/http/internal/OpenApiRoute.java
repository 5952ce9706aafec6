package dev.todochat.http.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the HTTP API, kept in the repository beside this class
 * ({@code openapi.json}) and proven against the server by {@code OpenApiTest}. Read once, at start-up.
 */
final class OpenApiRoute implements Handler {
    static final String PATH = "/openapi.json";
    private static final String RESOURCE = "/dev/todochat/http/openapi.json";

    private final byte[] document;

    OpenApiRoute() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build lost " + RESOURCE);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
