package dev.todochat.http.internal;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the request being served: the client's {@code X-Request-ID} when it is sane (1 to 128 characters of
 * {@code [A-Za-z0-9._-]}, so it cannot forge a log line or carry markup), a new UUID otherwise. It is in the SLF4J MDC
 * as {@value #MDC_KEY} while the request runs.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    /** The client's id when sane, else a fresh one. */
    static String accept(String fromClient) {
        return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }

    /** The id of the request this thread serves, or a fresh one outside a request. */
    static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
