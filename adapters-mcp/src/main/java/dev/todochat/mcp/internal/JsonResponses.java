package dev.todochat.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the JSON answers of the endpoint's own checks, in the API's {@code {"error", "details"}} shape. */
final class JsonResponses {
    private final McpJsonMapper json;

    JsonResponses(McpJsonMapper json) {
        this.json = json;
    }

    McpJsonMapper mapper() {
        return json;
    }

    void error(HttpServletResponse response, int status, String kind, String details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", kind);
        body.put("details", details);
        write(response, status, body);
    }

    void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
