package dev.todochat.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One log line per turn, with its request id, what it did and how it ended; never who or what was said. */
class TurnLogTest {

    @Test
    void an_answered_turn_logs_its_rounds_tools_and_tokens_under_its_request_id() {
        try (CapturedLogs logs = new CapturedLogs();
             RunningServer server = RunningServer.with(ScriptedModel.create()
                     .replyToolCalls(ToolCalls.addTask("buy milk"))
                     .replyText("Added it."))) {
            RunningServer.Reply reply = server.chat("alice", "Add a task to buy milk");

            ILoggingEvent turn = turnLines(logs).getFirst();
            assertThat(turn.getLevel()).isEqualTo(Level.INFO);
            assertThat(turn.getMDCPropertyMap()).containsEntry("request_id", reply.header("X-Request-ID"));
            assertThat(fields(turn)).containsEntry("outcome", "answered").containsEntry("kind", "")
                    .containsEntry("rounds", "2").containsEntry("tools", "add_task:ok")
                    .containsEntry("conversation", reply.json().get("conversation_id").asText())
                    .containsEntry("user", TurnLog.hash(new UserId("alice")));
            assertThat(turn.getFormattedMessage()).startsWith("turn answered in ")
                    .doesNotContain("alice", "milk", "Added it");
        }
    }

    @Test
    void a_failed_turn_logs_a_warning_with_the_kind_and_a_refused_one_says_why() {
        try (CapturedLogs logs = new CapturedLogs();
             RunningServer server = RunningServer.with(ScriptedModel.create()
                     .thenFail(ModelFailure.Kind.UNAVAILABLE))) {
            server.chat("alice", "Hello");
            server.chat("alice", "Hello again", "00000000-0000-0000-0000-000000000000");

            List<ILoggingEvent> turns = turnLines(logs);
            assertThat(turns).hasSize(2);
            assertThat(turns.get(0).getLevel()).isEqualTo(Level.WARN);
            assertThat(fields(turns.get(0))).containsEntry("outcome", "failed")
                    .containsEntry("kind", "model_unavailable").containsEntry("rounds", "1");
            assertThat(fields(turns.get(1))).containsEntry("outcome", "refused").containsEntry("kind", "not_found")
                    .containsEntry("rounds", "0").containsEntry("conversation", "");
        }
    }

    @Test
    void a_user_hash_is_stable_and_tells_users_apart() {
        assertThat(TurnLog.hash(new UserId("alice"))).isEqualTo(TurnLog.hash(new UserId("alice")))
                .isNotEqualTo(TurnLog.hash(new UserId("bob"))).matches("[0-9a-f]{16}");
    }

    private static List<ILoggingEvent> turnLines(CapturedLogs logs) {
        return logs.events().stream().filter(event -> event.getLoggerName().equals("dev.todochat.turns")).toList();
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        return event.getKeyValuePairs().stream()
                .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }
}
