package dev.todochat.http.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** A JSON object body of at most 64 KiB, read without trusting {@code Content-Length}; anything else is refused. */
final class RequestBody {
    /** Far above the largest valid body, far below anything harmful. */
    static final int MAX_BYTES = 64 * 1024;
    /**
     * How much of a refused body is still read and discarded so the client, which is usually still sending,
     * receives the 413 instead of a connection reset. Beyond this the connection is simply closed.
     */
    static final int DRAIN_BYTES = 1024 * 1024;

    private RequestBody() {
    }

    /**
     * The body as a JSON object.
     *
     * @param example a valid body, quoted in the error when the body is not an object
     */
    static JsonNode object(Context ctx, ObjectMapper json, String example) throws IOException {
        JsonNode root = parse(json, read(ctx));
        if (!root.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object such as " + example);
        }
        return root;
    }

    private static byte[] read(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            if (ctx.contentLength() > MAX_BYTES) {
                throw tooLarge(in, ctx.contentLength());
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge(in, -1);
            }
            return body;
        }
    }

    /**
     * Refuses the body after discarding a bounded rest of it: a server that answers while the client is still
     * writing and then closes makes the client's TCP stack drop the answer on the reset.
     */
    private static ApiError tooLarge(InputStream in, long declaredLength) throws IOException {
        if (declaredLength <= DRAIN_BYTES) {
            long left = DRAIN_BYTES;
            byte[] sink = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        }
        return tooLarge();
    }

    private static JsonNode parse(ObjectMapper json, byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("the body could not be read");
        }
    }

    /** A field that must be a JSON string when present: null when absent or JSON null. */
    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(field + " must be a JSON string");
        }
        return node.textValue();
    }

    /**
     * A field the body must have but does not (absent, or JSON null): said as missing, not as empty, with the fields
     * the body does have (a client that sent {@code "text"} sees its mistake) and the body expected.
     */
    static ApiError missing(JsonNode body, String field, String expected) {
        List<String> present = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> present.add("\"" + name + "\""));
        String has = body.has(field) ? "it is null"
                : present.isEmpty() ? "the body is empty" : "it has " + String.join(", ", present);
        return ApiError.validationFailed("the \"" + field + "\" field is missing (" + has + "); send " + expected);
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "PayloadTooLarge", "the body must be at most " + MAX_BYTES / 1024 + " KiB");
    }
}
