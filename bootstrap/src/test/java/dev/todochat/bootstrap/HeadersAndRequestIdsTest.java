package dev.todochat.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on every answer, and the request id: accepted or made, echoed, and in each log line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadersAndRequestIdsTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final RunningServer server = RunningServer.with(new ThinkingAloud());

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void every_api_answer_carries_the_security_headers() {
        List<RunningServer.Reply> replies = List.of(server.get("/health"), server.chat("alice", "show my tasks"),
                server.post("/api/alice/chat", null, "{\"message\": \"hi\"}"), server.get("/api/alice/nowhere"),
                server.get("/metrics-or-anything"));

        for (RunningServer.Reply reply : replies) {
            assertThat(reply.header("X-Content-Type-Options")).as(reply.body()).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void the_page_keeps_its_own_content_security_policy() {
        RunningServer.Reply page = server.get("/");

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().get("content-security-policy")).hasSize(1);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void a_sane_request_id_from_the_client_is_echoed() {
        RunningServer.Reply reply = server.exchange("GET", "/health", Map.of("X-Request-ID", "trace-7.a_B-9"), null);

        assertThat(reply.header("X-Request-ID")).isEqualTo("trace-7.a_B-9");
    }

    @Test
    void an_absent_or_unsafe_request_id_is_replaced_by_a_fresh_one() {
        List<String> unsafe = List.of("two words", "x".repeat(129), "<script>", "line\tbreak", "é");

        assertThat(server.get("/health").header("X-Request-ID")).matches(UUID);
        for (String id : unsafe) {
            assertThat(server.exchange("GET", "/health", Map.of("X-Request-ID", id), null).header("X-Request-ID"))
                    .as(id).matches(UUID);
        }
        assertThat(server.get("/health").header("X-Request-ID")).isNotEqualTo(server.get("/health")
                .header("X-Request-ID"));
    }

    @Test
    void the_request_id_is_on_every_log_line_of_the_request_including_those_of_the_turn() {
        List<ILoggingEvent> events;
        try (CapturedLogs logs = new CapturedLogs()) {
            RunningServer.Reply reply = server.exchange("POST", "/api/alice/chat", Map.of("Authorization",
                    "Bearer " + server.tokenFor("alice"), "X-Request-ID", "turn-42"), "{\"message\": \"show my tasks\"}");
            assertThat(reply.status()).isEqualTo(200);
            events = logs.events();
        }

        List<ILoggingEvent> ofTheTurn = events.stream()
                .filter(event -> "turn-42".equals(event.getMDCPropertyMap().get("request_id"))).toList();
        assertThat(ofTheTurn).extracting(ILoggingEvent::getFormattedMessage)
                .contains("the model is thinking")
                .anyMatch(line -> line.startsWith("POST /api/{user_id}/chat 200"));
    }

    /** The offline assistant, saying on the log when it is asked: a line written from inside the turn. */
    private static final class ThinkingAloud implements LanguageModel {
        private static final Logger LOG = LoggerFactory.getLogger("dev.todochat.test.model");
        private final OfflineAssistant assistant = new OfflineAssistant();

        @Override
        public ModelReply reply(Prompt prompt) {
            LOG.info("the model is thinking");
            return assistant.reply(prompt);
        }

        @Override
        public String describe() {
            return "offline assistant, thinking aloud";
        }
    }
}
