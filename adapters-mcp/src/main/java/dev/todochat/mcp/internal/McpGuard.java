package dev.todochat.mcp.internal;

import dev.todochat.application.BearerToken;
import dev.todochat.domain.RetryHint;
import dev.todochat.domain.UserId;
import dev.todochat.mcp.RejectedToken;
import dev.todochat.mcp.TokenVerifier;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in front of {@code /mcp} and lets a request through to the MCP transport only when it is from an allowed
 * origin and host (403, 421), a {@code POST} (405: a stateless server offers no stream to {@code GET} and no session
 * to {@code DELETE}), with a bearer token the chat API would accept (401 with the challenge that points clients to
 * the protected resource metadata; 503 when the token cannot be checked right now), and of a protocol version this
 * server speaks (400). The user the token names travels on as a request attribute. One log line per request, like
 * the API's.
 */
final class McpGuard implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(McpGuard.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("dev.todochat.mcp.requests");

    private final ServerTransportSecurityValidator network;
    private final TokenVerifier tokens;
    private final PublicAddress address;
    private final JsonResponses responses;

    McpGuard(ServerTransportSecurityValidator network, TokenVerifier tokens, PublicAddress address,
             JsonResponses responses) {
        this.network = network;
        this.tokens = tokens;
        this.address = address;
        this.responses = responses;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        long started = System.nanoTime();
        try {
            if (admitted(request, response)) {
                SdkErrorShield shield = new SdkErrorShield(response, responses.mapper());
                chain.doFilter(request, shield);
                shield.release();
            }
        } finally {
            REQUESTS.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private boolean admitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            network.validateHeaders(originAndHost(request));
        } catch (ServerTransportSecurityException e) {
            boolean origin = e.getStatusCode() == HttpServletResponse.SC_FORBIDDEN;
            responses.error(response, e.getStatusCode(), origin ? "Forbidden" : "MisdirectedRequest", origin
                    ? "requests from the origin " + request.getHeader("Origin") + " are not allowed here"
                    : "this server does not answer for the host " + request.getHeader("Host"));
            return false;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            responses.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "MethodNotAllowed",
                    "this stateless MCP endpoint answers POST only: it opens no stream for GET and has no session"
                            + " to DELETE");
            return false;
        }
        UserId user = caller(request, response);
        if (user == null) {
            return false;
        }
        String version = request.getHeader(ProtocolVersions.HEADER);
        if (!ProtocolVersions.accepts(version)) {
            responses.error(response, HttpServletResponse.SC_BAD_REQUEST, "UnsupportedProtocolVersion",
                    ProtocolVersions.HEADER + " " + version + " is not supported; this server speaks "
                            + String.join(", ", ProtocolVersions.SUPPORTED));
            return false;
        }
        request.setAttribute(Caller.ATTRIBUTE, user);
        return true;
    }

    /** The user the bearer token names, or null once a 401 has been written. */
    private UserId caller(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token;
        switch (BearerToken.read(request.getHeader("Authorization"))) {
            case BearerToken.Reading.Missing missing -> {
                challenge(request, response, null, missing.details());
                return null;
            }
            case BearerToken.Reading.Malformed malformed -> {
                challenge(request, response, "invalid_request", malformed.details());
                return null;
            }
            case BearerToken.Reading.Found found -> token = found.token();
        }
        try {
            return tokens.verify(token);
        } catch (RejectedToken e) {
            challenge(request, response, "invalid_token", e.getMessage());
            return null;
        } catch (RuntimeException e) {
            LOG.warn("a bearer token could not be checked: {}", e.getMessage());
            response.setHeader("Retry-After", Long.toString(RetryHint.wholeSeconds(BearerToken.UNCHECKABLE_RETRY)));
            responses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BearerToken.UNCHECKABLE,
                    BearerToken.UNCHECKABLE_DETAILS);
            return null;
        }
    }

    /** RFC 6750 and RFC 9728: name the error when a token was sent, and say where the resource metadata is. */
    private void challenge(HttpServletRequest request, HttpServletResponse response, String errorCode, String details)
            throws IOException {
        String error = errorCode == null ? "" : "error=\"" + errorCode + "\", ";
        response.setHeader("WWW-Authenticate",
                BearerToken.SCHEME + " " + error + "resource_metadata=\"" + address.metadata(request) + "\"");
        responses.error(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", details);
    }

    private static Map<String, List<String>> originAndHost(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : List.of("Origin", "Host")) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return headers;
    }
}
