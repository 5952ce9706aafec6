package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.llm.offline.OfflineAssistant;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.todochat.bootstrap.McpClients.call;
import static dev.todochat.bootstrap.McpClients.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /mcp} is stateless: one client, two instances on one database, no affinity, and every answer is right. */
class McpTwoInstancesTest {

    @Test
    void two_instances_on_one_database_answer_the_same_client_alternately() throws Exception {
        try (RunningServer a = RunningServer.with(new OfflineAssistant());
             RunningServer b = a.anotherInstance();
             RoundRobinProxy balancer = RoundRobinProxy.over(a.baseUrl(), b.baseUrl());
             McpSyncClient client = McpClients.overHttp(balancer.baseUrl(), a.tokenFor("alice"))) {

            client.initialize();
            long milk = ok(call(client, "add_task", Map.of("title", "buy milk"))).get("task_id").asLong();
            JsonNode listedByOther = ok(call(client, "list_tasks", Map.of()));
            ok(call(client, "complete_task", Map.of("task_id", milk)));
            JsonNode doneByOther = ok(call(client, "list_tasks", Map.of("status", "completed")));
            ok(call(client, "delete_task", Map.of("task_id", milk)));
            JsonNode emptyOnOther = ok(call(client, "list_tasks", Map.of()));

            assertThat(balancer.postsServedBy()).containsExactly(
                    a.baseUrl(), b.baseUrl(),
                    a.baseUrl(), b.baseUrl(), a.baseUrl(), b.baseUrl(), a.baseUrl(), b.baseUrl());
            assertThat(listedByOther.get("tasks").get(0).get("title").asText()).isEqualTo("buy milk");
            assertThat(doneByOther.get("tasks").get(0).get("task_id").asLong()).isEqualTo(milk);
            assertThat(emptyOnOther.get("count").asInt()).isZero();
        }
    }
}
