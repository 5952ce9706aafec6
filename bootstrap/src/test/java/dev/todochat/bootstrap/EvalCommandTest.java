package dev.todochat.bootstrap;

import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubReply;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code eval} as a user runs it: against the offline assistant, or an OpenAI-compatible model over real HTTP. */
class EvalCommandTest {
    private static final String TWO_CASES = """
            # a user's own set: one case the stub gets right, one it gets wrong
            {"id": "add-milk", "category": "adding", "messages": ["add buy milk"],
              "expect": [{"tool": "add_task", "args": {"title": "buy milk"}}]}
            {"id": "bin-it", "category": "deleting", "tasks": ["go to the gym"], "messages": ["bin the gym task"],
              "expect": [{"tool": "delete_task", "args": {"task_id": 1}}]}
            """.replaceAll("\n  ", " ");
    private CommandLine commandLine;

    @TempDir
    Path folder;

    @BeforeEach
    void a_command_line() {
        commandLine = new CommandLine(folder.resolve("data"));
    }

    @Test
    void the_offline_assistant_passes_the_built_in_set_above_95_percent() {
        int status = commandLine.run(Map.of("EVAL_DATABASE_URL", TestPostgres.freshDatabaseUrl()),
                "eval", "--min-accuracy", "95");

        assertThat(status).as(commandLine.stdout() + commandLine.stderr()).isZero();
        assertThat(commandLine.stdout()).contains("Eval of offline assistant", "adding", "several steps", "references",
                "changes nothing", "overall", "average latency");
    }

    @Test
    void an_openai_compatible_model_is_scored_over_http_with_its_latency_and_tokens() throws Exception {
        Path cases = Files.writeString(folder.resolve("cases.jsonl"), TWO_CASES);
        String userData = TestPostgres.freshDatabaseUrl();
        try (OpenAiStub stub = OpenAiStub.start()) {
            stub.replyToolCalls(StubToolCall.of("call_1", "add_task", "{\"title\":\"Buy milk\"}"))
                    .reply(StubReply.text("Added buy milk.").withUsage(30, 7))
                    .replyText("Should I delete the gym task?");

            int status = commandLine.run(Map.of("OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_API_KEY", "test-key",
                            "OPENAI_MODEL", "stub-model", "DATABASE_URL", userData,
                            "EVAL_DATABASE_URL", TestPostgres.freshDatabaseUrl()),
                    "eval", "--cases", cases.toString(), "--min-accuracy", "60");

            assertThat(status).isEqualTo(1);
            assertThat(stub.requests()).hasSize(3);
            assertThat(stub.requests().getFirst().body().toString()).contains("add buy milk");
        }
        assertThat(commandLine.stdout()).contains("Eval of OpenAI-compatible", "stub-model")
                .containsPattern("adding +1/1 +100\\.0 %")
                .containsPattern("deleting +0/1 +0\\.0 %")
                .containsPattern("overall +1/2 +50\\.0 %")
                .contains("- bin-it (deleting)", "user: bin the gym task", "did:  no tool calls",
                        "said: Should I delete the gym task?", "why:  missing delete_task {task_id=1}")
                .contains("Model: 3 calls", "(50 in, 17 out in total)");
        assertThat(commandLine.stderr()).contains("accuracy 50.0 % is below the minimum of 60.0 %");
        assertThat(tables(userData)).as("the user's database is never touched").isZero();
        Matcher throwaway = Pattern.compile("todochat_throwaway_[0-9a-f]+").matcher(commandLine.stderr());
        assertThat(throwaway.find()).isTrue();
        assertThat(databaseExists(userData, throwaway.group())).as("the throwaway database is dropped").isFalse();
    }

    @Test
    void a_malformed_case_is_refused_with_its_line_and_nothing_runs() throws Exception {
        Path cases = Files.writeString(folder.resolve("cases.jsonl"),
                "{\"id\": \"x\", \"category\": \"adding\", \"messages\": [\"add milk\"], \"expect\": []}\n"
                        + "{\"id\": \"y\", \"category\": \"adding\", \"messages\": [\"hi\"],"
                        + " \"expect\": [{\"tool\": \"add_tusk\"}]}\n");

        int status = commandLine.run(Map.of(), "eval", "--cases", cases.toString());

        assertThat(status).isEqualTo(1);
        assertThat(commandLine.stderr()).contains("--cases:", "line 2", "unknown tool 'add_tusk'")
                .doesNotContain("\tat ");
        assertThat(commandLine.stdout()).isEmpty();
    }

    @Test
    void a_threshold_that_is_not_a_percentage_is_a_usage_error() {
        assertThat(commandLine.run(Map.of(), "eval", "--min-accuracy", "most")).isEqualTo(2);
        assertThat(commandLine.run(Map.of(), "eval", "--min-accuracy", "120")).isEqualTo(2);
        assertThat(commandLine.stderr()).contains("--min-accuracy must be a percentage", "between 0 and 100");
    }

    private static long tables(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean databaseExists(String jdbcUrl, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
