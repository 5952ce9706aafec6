package dev.todochat.mcp.internal;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.tool.TaskTools;
import dev.todochat.domain.tool.ToolSpec;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.testing.storage.InMemoryStorage;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import dev.todochat.testing.CapturedLog;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each MCP tool is the domain's spec, rendered: nothing added, nothing lost, every hint stated. */
class McpToolsTest {

    @Test
    void every_tool_carries_its_specs_name_texts_schemas_and_hints() {
        for (ToolSpec spec : new TaskTools().specs()) {
            McpSchema.Tool tool = McpTools.definition(spec);

            assertThat(tool.name()).isEqualTo(spec.name());
            assertThat(tool.title()).isEqualTo(spec.title());
            assertThat(tool.description()).isEqualTo(spec.description());
            assertThat(tool.inputSchema()).isEqualTo(spec.inputSchema());
            assertThat(tool.outputSchema()).isEqualTo(spec.output());
            assertThat(tool.annotations().title()).isEqualTo(spec.title());
            assertThat(tool.annotations().readOnlyHint()).isEqualTo(spec.readOnly());
            assertThat(tool.annotations().destructiveHint()).isEqualTo(spec.destructive());
            assertThat(tool.annotations().idempotentHint()).isEqualTo(spec.idempotent());
            assertThat(tool.annotations().openWorldHint()).as("a todo list is a closed world").isFalse();
        }
    }

    @Test
    void listing_is_read_only_deleting_destructive_and_completing_idempotent() {
        TaskTools tools = new TaskTools();

        assertThat(McpTools.definition(tools.spec("list_tasks").orElseThrow()).annotations().readOnlyHint()).isTrue();
        assertThat(McpTools.definition(tools.spec("delete_task").orElseThrow()).annotations().destructiveHint())
                .isTrue();
        assertThat(McpTools.definition(tools.spec("complete_task").orElseThrow()).annotations().idempotentHint())
                .isTrue();
        assertThat(McpTools.definition(tools.spec("add_task").orElseThrow()).annotations())
                .extracting(McpSchema.ToolAnnotations::readOnlyHint, McpSchema.ToolAnnotations::destructiveHint,
                        McpSchema.ToolAnnotations::idempotentHint)
                .containsExactly(false, false, false);
    }

    @Test
    void a_busy_storage_is_an_error_result_that_says_nothing_was_done_and_when_to_try_again() {
        InMemoryStorage storage = new InMemoryStorage();
        TodoChat chat = TodoChat.builder().storage(storage).model(ScriptedModel.create()).build();
        McpTools tools = new McpTools(chat, McpJsonDefaults.getMapper());
        storage.refuseNext(1);

        McpSchema.CallToolResult result;
        try (CapturedLog logged = CapturedLog.of(McpTools.class)) {
            result = tools.call(new UserId("alice"), new McpSchema.CallToolRequest("add_task", Map.of("title", "buy milk")));
            assertThat(logged.messages()).singleElement().asString().contains("add_task refused");
        }

        assertThat(result.isError()).isTrue();
        assertThat(((McpSchema.TextContent) result.content().getFirst()).text())
                .isEqualTo("The server is busy right now; nothing was done. Try again in 1 s.");
        assertThat(chat.tasks(new UserId("alice")).list(TaskFilter.ALL)).isEmpty();
    }
}
