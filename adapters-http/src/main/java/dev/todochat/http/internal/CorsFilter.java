package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets web apps of the listed origins call the JSON API from a browser: their requests get
 * {@code Access-Control-Allow-Origin} (that one origin, never {@code *}) and the headers a client needs to read, and
 * their preflights are answered here with 204. A preflight from any other origin gets a 403; a plain request from one
 * gets no CORS header, so the browser keeps the answer from the page. Tokens travel in {@code Authorization}, so no
 * credentials mode is offered.
 */
public final class CorsFilter implements Filter {
    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-ID";
    static final String EXPOSED_HEADERS = "Retry-After, X-Request-ID, Idempotent-Replayed";
    private static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;
    private final ObjectMapper json = Json.mapper();

    /** @param origins origins as {@link #origin} accepts them */
    public CorsFilter(List<String> origins) {
        this.origins = Set.copyOf(origins.stream().map(CorsFilter::origin).toList());
    }

    /**
     * An origin as browsers send it: {@code scheme://host[:port]} in lower case, without a path.
     *
     * @throws IllegalArgumentException for anything else, such as {@code *} or a URL with a path
     */
    public static String origin(String text) {
        String candidate = text.strip().toLowerCase(Locale.ROOT);
        if (!isOrigin(candidate)) {
            throw new IllegalArgumentException("'" + text + "' is not an origin; write it as the browser sends it,"
                    + " such as https://app.example.com or http://localhost:3000");
        }
        return candidate;
    }

    private static boolean isOrigin(String candidate) {
        try {
            URI uri = new URI(candidate);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(req, res);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = origins.contains(origin.toLowerCase(Locale.ROOT));
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            answerPreflight(origin, allowed, response);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(req, res);
    }

    private void answerPreflight(String origin, boolean allowed, HttpServletResponse response) throws IOException {
        if (!allowed) {
            response.setStatus(403);
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), new ErrorBody("Forbidden",
                    "the origin " + origin + " may not call this API from a browser"));
            return;
        }
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }
}
