package dev.todochat.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds back what the SDK's servlet transport answers, so that its error answers never reach a client as they are:
 * it writes a serialised exception (stack trace included) for a message it cannot handle, with status 500 for some
 * bad input. A success passes through unchanged; an error becomes a JSON-RPC error object without internals, and a
 * 500 for a message becomes a 400, since the tool handlers themselves never throw (they answer {@code isError}).
 */
final class SdkErrorShield extends HttpServletResponseWrapper {
    private static final Logger LOG = LoggerFactory.getLogger(SdkErrorShield.class);
    private static final int INVALID_REQUEST = -32600;

    private final McpJsonMapper json;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
    private int status = SC_OK;

    SdkErrorShield(HttpServletResponse response, McpJsonMapper json) {
        super(response);
        this.json = json;
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int status, String message) {
        this.status = status;
    }

    @Override
    public void sendError(int status) {
        this.status = status;
    }

    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the MCP answer is written at once");
            }

            @Override
            public void write(int b) {
                buffer.write(b);
            }
        };
    }

    /** Sends the held answer: as it was for a success, cleaned for an error. */
    void release() throws IOException {
        writer.flush();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        byte[] body = buffer.toByteArray();
        if (status < 400) {
            response.setStatus(status);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        int sent = status >= 500 && status != SC_SERVICE_UNAVAILABLE ? SC_BAD_REQUEST : status;
        LOG.warn("the MCP transport refused a message with {}; answering {}", status, sent);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", INVALID_REQUEST);
        error.put("message", message(sent));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", null);
        answer.put("error", error);
        byte[] cleaned = json.writeValueAsBytes(answer);
        response.setStatus(sent);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(cleaned.length);
        response.getOutputStream().write(cleaned);
    }

    private static String message(int status) {
        return switch (status) {
            case SC_BAD_REQUEST -> "Invalid request: send one JSON-RPC request or notification with a known method"
                    + " and params of the right shape (for tools/call: {\"name\": tool, \"arguments\": object})";
            case SC_NOT_FOUND -> "Not found: the MCP endpoint is /mcp";
            case SC_REQUEST_ENTITY_TOO_LARGE -> "The message is too large";
            case SC_SERVICE_UNAVAILABLE -> "The server is shutting down; try another instance";
            default -> "The message was refused (HTTP " + status + ")";
        };
    }
}
