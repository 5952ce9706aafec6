package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnObserver;
import dev.todochat.http.internal.ChatResponse.ToolCallView;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A turn's progress as Server-Sent Events, on a response that begins with the first event: the status and headers
 * are sent then, not before, so a request refused earlier still gets an ordinary JSON error. Each event's data is one
 * line of JSON.
 * A client that goes away does not stop the turn: it finishes and is recorded as for {@code /chat}, and the events
 * it would have got are dropped.
 */
final class EventStream implements TurnObserver {
    private final Context ctx;
    private final ObjectMapper json;
    private OutputStream out;
    private boolean gone;

    EventStream(Context ctx, ObjectMapper json) {
        this.ctx = ctx;
        this.json = json;
    }

    boolean begun() {
        return out != null;
    }

    /** The conversation the turn's message was recorded in, as the first event. */
    @Override
    public void started(ConversationId conversation) {
        send("conversation", Map.of("conversation_id", conversation.toString()));
    }

    /** A piece of text, as a {@code delta} event. */
    @Override
    public void text(String delta) {
        send("delta", Map.of("text", delta));
    }

    /** Each tool of a committed round, as a {@code tool_call} event in the shape of a {@code /chat} entry. */
    @Override
    public void toolsRan(List<ToolInvocation> invocations) {
        invocations.forEach(invocation -> send("tool_call", ToolCallView.of(invocation)));
    }

    void send(String event, Object data) {
        if (gone) {
            return;
        }
        try {
            if (out == null) {
                ctx.status(200);
                ctx.res().setContentType("text/event-stream");
                ctx.res().setCharacterEncoding(StandardCharsets.UTF_8.name());
                ctx.header("Cache-Control", "no-cache");
                ctx.header("X-Accel-Buffering", "no");
                out = ctx.res().getOutputStream();
            }
            out.write(("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException clientWentAway) {
            gone = true;
        }
    }
}
