package dev.todochat.http.internal;

import java.util.Map;

/**
 * A request the API refuses, with everything its answer needs: the status, the error kind clients switch on, a
 * sentence for people, and any headers the status calls for ({@code WWW-Authenticate}, {@code Retry-After}).
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final transient Map<String, String> headers;

    public ApiError(int status, String kind, String details, Map<String, String> headers) {
        super(details, null, false, false);
        this.status = status;
        this.kind = kind;
        this.headers = Map.copyOf(headers);
    }

    public ApiError(int status, String kind, String details) {
        this(status, kind, details, Map.of());
    }

    public static ApiError badRequest(String details) {
        return new ApiError(400, "BadRequest", details);
    }

    public static ApiError validationFailed(String details) {
        return new ApiError(400, "ValidationFailed", details);
    }

    public static ApiError forbidden(String details) {
        return new ApiError(403, "Forbidden", details);
    }

    public static ApiError notFound(String details) {
        return new ApiError(404, "NotFound", details);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String details() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
