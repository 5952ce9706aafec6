package dev.todochat.http.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import java.io.IOException;

/**
 * Runs around every request on the port (the API, the page, and servlets mounted beside them): gives it a request id
 * that is echoed in {@code X-Request-ID} and put in the MDC for every log line written on the request's thread (the
 * chat turn runs there too), and sets the security headers. The strict Content-Security-Policy suits JSON; a handler
 * that serves a page sets its own, which replaces this one.
 */
public final class RequestContextFilter implements Filter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, id);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(req, res);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
