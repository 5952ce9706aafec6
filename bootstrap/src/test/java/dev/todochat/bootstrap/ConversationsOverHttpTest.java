package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.todochat.bootstrap.TasksOverHttpTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** The conversations REST API over real HTTP on a real PostgreSQL, with conversations made by real chat turns. */
class ConversationsOverHttpTest {
    private final RunningServer server = RunningServer.with(new OfflineAssistant());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void conversations_are_listed_newest_first_with_their_title_and_times() {
        String groceries = start("Add a task to buy milk");
        String garden = start("Add a task to water the plants");

        JsonNode page = alice("GET", "/api/alice/conversations", null).json();

        assertThat(ids(page)).containsExactly(garden, groceries);
        JsonNode newest = page.get("conversations").get(0);
        assertThat(newest.get("title").asText()).isEqualTo("Add a task to water the plants");
        assertThat(newest.get("created_at").asText()).endsWith("Z");
        assertThat(newest.get("updated_at").asText()).isGreaterThanOrEqualTo(newest.get("created_at").asText());
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void following_next_cursor_pages_through_every_conversation_once() {
        List<String> started = new ArrayList<>();
        for (String task : new String[] {"buy milk", "call mum", "pay rent", "book flights", "fix the bike"}) {
            started.addFirst(start("Add a task to " + task));
        }

        List<String> seen = new ArrayList<>();
        JsonNode page = alice("GET", "/api/alice/conversations?limit=2", null).json();
        seen.addAll(ids(page));
        while (!page.get("next_cursor").isNull()) {
            page = alice("GET", "/api/alice/conversations?limit=2&cursor=" + page.get("next_cursor").asText(), null)
                    .json();
            seen.addAll(ids(page));
        }

        assertThat(seen).isEqualTo(started);
    }

    @Test
    void a_bad_cursor_or_limit_is_a_validation_error() {
        start("Add a task to buy milk");

        for (String query : new String[] {"limit=0", "limit=101", "limit=abc", "limit=-1", "limit=99999999999",
                "cursor=not-a-cursor", "cursor="}) {
            assertError(alice("GET", "/api/alice/conversations?" + query, null), 400, "ValidationFailed");
        }
        assertThat(ids(alice("GET", "/api/alice/conversations?limit=100", null).json())).hasSize(1);
    }

    @Test
    void messages_come_in_order_with_tool_calls_and_their_results() {
        String conversation = start("Add a task to buy milk");

        JsonNode page = alice("GET", messages(conversation, ""), null).json();

        JsonNode messages = page.get("messages");
        assertThat(messages).hasSize(4);
        assertThat(page.get("next_after").isNull()).isTrue();
        assertThat(field(messages, "seq")).containsExactly("1", "2", "3", "4");
        assertThat(field(messages, "role")).containsExactly("user", "assistant", "tool", "assistant");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("Add a task to buy milk");
        assertThat(messages.get(0).has("tool_calls")).isFalse();
        JsonNode call = messages.get(1).get("tool_calls").get(0);
        assertThat(call.get("name").asText()).isEqualTo("add_task");
        assertThat(call.get("arguments").get("title").asText()).isEqualTo("buy milk");
        JsonNode result = messages.get(2);
        assertThat(result.get("tool_call_id").asText()).isEqualTo(call.get("id").asText());
        assertThat(result.get("tool_name").asText()).isEqualTo("add_task");
        assertThat(result.get("is_error").asBoolean()).isFalse();
        assertThat(result.get("result").get("status").asText()).isEqualTo("created");
        assertThat(result.has("content")).isFalse();
        assertThat(messages.get(3).get("content").asText()).contains("buy milk");
        assertThat(messages.get(3).get("created_at").asText()).endsWith("Z");
    }

    @Test
    void messages_page_by_seq_with_next_after() {
        String conversation = start("Add a task to buy milk");
        server.chat("alice", "What's on my list?", conversation);

        JsonNode first = alice("GET", messages(conversation, "?limit=3"), null).json();
        JsonNode second = alice("GET", messages(conversation, "?limit=3&after=" + first.get("next_after").asLong()),
                null).json();
        JsonNode third = alice("GET", messages(conversation, "?limit=3&after=" + second.get("next_after").asLong()),
                null).json();

        assertThat(field(first.get("messages"), "seq")).containsExactly("1", "2", "3");
        assertThat(first.get("next_after").asLong()).isEqualTo(3);
        assertThat(field(second.get("messages"), "seq")).containsExactly("4", "5", "6");
        assertThat(field(third.get("messages"), "seq")).containsExactly("7", "8");
        assertThat(third.get("next_after").isNull()).isTrue();
        assertThat(alice("GET", messages(conversation, "?after=8"), null).json().get("messages")).isEmpty();
    }

    @Test
    void a_bad_after_or_limit_for_messages_is_a_validation_error() {
        String conversation = start("Add a task to buy milk");

        for (String query : new String[] {"?after=-1", "?after=x", "?after=99999999999999999999", "?limit=0",
                "?limit=201"}) {
            assertError(alice("GET", messages(conversation, query), null), 400, "ValidationFailed");
        }
    }

    @Test
    void a_single_conversation_can_be_read() {
        String conversation = start("Add a task to buy milk");

        JsonNode read = alice("GET", "/api/alice/conversations/" + conversation, null).json();

        assertThat(read.get("id").asText()).isEqualTo(conversation);
        assertThat(read.get("title").asText()).isEqualTo("Add a task to buy milk");
    }

    @Test
    void a_deleted_conversation_is_gone_with_its_messages_and_its_tasks_stay() {
        String kept = start("Add a task to call mum");
        String deleted = start("Add a task to buy milk");

        RunningServer.Reply reply = alice("DELETE", "/api/alice/conversations/" + deleted, null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(ids(alice("GET", "/api/alice/conversations", null).json())).containsExactly(kept);
        assertError(alice("GET", messages(deleted, ""), null), 404, "NotFound");
        assertError(alice("DELETE", "/api/alice/conversations/" + deleted, null), 404, "NotFound");
        assertError(server.chat("alice", "What's on my list?", deleted), 404, "NotFound");
        assertThat(server.rowCounts()).containsEntry("conversations", 1L).containsEntry("messages", 4L);
        assertThat(server.tasksOf("alice")).hasSize(2);
    }

    @Test
    void another_users_conversation_is_not_found_exactly_like_a_missing_one_and_stays() {
        String conversation = start("Add a task to buy milk");
        String unknown = "7a4c5a2e-2f7e-4d2e-9d3c-0c9b8f0e1a11";

        assertError(bob("GET", "/api/bob/conversations/" + conversation), 404, "NotFound");
        assertError(bob("GET", messages("bob", conversation, "")), 404, "NotFound");
        assertError(bob("DELETE", "/api/bob/conversations/" + conversation), 404, "NotFound");
        assertThat(bob("GET", "/api/bob/conversations/" + conversation).json().get("details").asText())
                .isEqualTo(bob("GET", "/api/bob/conversations/" + unknown).json().get("details").asText()
                        .replace(unknown, conversation));
        assertThat(ids(bob("GET", "/api/bob/conversations").json())).isEmpty();
        assertThat(ids(alice("GET", "/api/alice/conversations", null).json())).containsExactly(conversation);
    }

    @Test
    void an_id_that_is_not_a_uuid_is_a_validation_error() {
        assertError(alice("GET", "/api/alice/conversations/conversation-1", null), 400, "ValidationFailed");
        assertError(alice("GET", "/api/alice/conversations/1/messages", null), 400, "ValidationFailed");
        assertError(alice("DELETE", "/api/alice/conversations/%27%20OR%201=1", null), 400, "ValidationFailed");
    }

    @Test
    void without_a_token_it_is_401_and_on_another_users_path_403() {
        String conversation = start("Add a task to buy milk");

        assertError(server.request("GET", "/api/alice/conversations", null, null), 401, "Unauthorized");
        assertError(bob("GET", "/api/alice/conversations"), 403, "Forbidden");
        assertError(bob("GET", messages(conversation, "")), 403, "Forbidden");
        assertError(bob("DELETE", "/api/alice/conversations/" + conversation), 403, "Forbidden");
        assertThat(server.rowCounts()).containsEntry("conversations", 1L);
    }

    private String start(String message) {
        RunningServer.Reply reply = server.chat("alice", message);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("conversation_id").asText();
    }

    private RunningServer.Reply alice(String method, String path, String body) {
        return server.as("alice", method, path, body);
    }

    private RunningServer.Reply bob(String method, String path) {
        return server.as("bob", method, path, null);
    }

    private static String messages(String conversation, String query) {
        return messages("alice", conversation, query);
    }

    private static String messages(String user, String conversation, String query) {
        return "/api/" + user + "/conversations/" + conversation + "/messages" + query;
    }

    private static List<String> ids(JsonNode page) {
        return field(page.get("conversations"), "id");
    }

    private static List<String> field(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }
}
