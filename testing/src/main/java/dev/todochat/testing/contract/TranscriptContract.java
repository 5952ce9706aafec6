package dev.todochat.testing.contract;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static dev.todochat.testing.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link dev.todochat.domain.port.Transcript} promises: gapless numbers even under concurrent appends,
 * each user's messages apart, tool calls and results read back as written. Extend it with the storage to check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TranscriptContract {
    /** The storage under test; every test uses users of its own, so one storage may serve them all. */
    protected abstract Storage storage();

    private static final Instant LATER = T0.plus(Duration.ofSeconds(30));

    private UserId alice;
    private UserId bob;
    private ConversationId conversation;

    @BeforeEach
    void a_conversation_of_alice() {
        alice = Fixtures.newUser("alice");
        bob = Fixtures.newUser("bob");
        Conversation created = Fixtures.conversationOf(alice, "Groceries");
        storage().inTransaction(unit -> {
            unit.conversations().create(created);
            return null;
        });
        conversation = created.id();
    }

    @Test
    public void appended_messages_are_numbered_from_one_without_gaps() {
        List<RecordedMessage> first = append(alice, LATER, new UserMessage("add milk"), AssistantMessage.answer("Added.", Usage.NONE));
        List<RecordedMessage> second = append(alice, LATER, new UserMessage("and eggs"));

        assertThat(first).extracting(RecordedMessage::seq).containsExactly(1L, 2L);
        assertThat(second).extracting(RecordedMessage::seq).containsExactly(3L);
        assertThat(first.getFirst().createdAt()).isEqualTo(LATER);
        assertThat(latest(alice, 10)).isEqualTo(concat(first, second));
    }

    @Test
    public void appending_marks_the_conversation_as_updated() {
        append(alice, LATER, new UserMessage("hello"));

        Optional<Conversation> found = storage().inTransaction(unit -> unit.conversations().find(alice, conversation));
        assertThat(found).map(Conversation::updatedAt).contains(LATER);
    }

    @Test
    public void concurrent_appends_to_one_conversation_get_distinct_gapless_numbers() throws Exception {
        int writers = 8;
        int appendsEach = 5;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<List<Long>>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    start.await();
                    List<List<Long>> seqs = new ArrayList<>();
                    for (int i = 0; i < appendsEach; i++) {
                        seqs.add(append(alice, LATER, new UserMessage("writer " + writer + " says " + i),
                                AssistantMessage.answer("ok", Usage.NONE)).stream().map(RecordedMessage::seq).toList());
                    }
                    return seqs;
                }));
            }
            start.countDown();
        }

        List<List<Long>> seqsByAppend = new ArrayList<>();
        for (Future<List<List<Long>>> result : results) {
            seqsByAppend.addAll(result.get());
        }
        List<Long> all = LongStream.rangeClosed(1, 2L * writers * appendsEach).boxed().toList();
        assertThat(seqsByAppend).allSatisfy(seqs -> assertThat(seqs.get(1)).isEqualTo(seqs.get(0) + 1));
        assertThat(seqsByAppend.stream().flatMap(List::stream).sorted().toList()).isEqualTo(all);
        assertThat(latest(alice, 1000)).extracting(RecordedMessage::seq).isEqualTo(all);
    }

    @Test
    public void latest_returns_the_newest_messages_oldest_first() {
        for (int i = 1; i <= 7; i++) {
            append(alice, LATER, new UserMessage("message " + i));
        }

        assertThat(latest(alice, 3)).extracting(recorded -> ((UserMessage) recorded.message()).text())
                .containsExactly("message 5", "message 6", "message 7");
        assertThat(latest(alice, 100)).hasSize(7);
        assertThat(latest(alice, 0)).isEmpty();
    }

    @Test
    public void another_user_can_neither_read_nor_append_and_nothing_changes() {
        append(alice, LATER, new UserMessage("private"));

        assertThat(latest(bob, 10)).isEmpty();
        assertThatThrownBy(() -> append(bob, LATER, new UserMessage("intrusion"))).isInstanceOf(NotFound.class);

        assertThat(latest(alice, 10)).extracting(RecordedMessage::message).containsExactly(new UserMessage("private"));
        assertThat(append(alice, LATER, new UserMessage("next"))).extracting(RecordedMessage::seq).containsExactly(2L);
    }

    @Test
    public void tool_calls_results_and_usage_survive_a_round_trip() {
        Map<String, Object> addArguments = new LinkedHashMap<>();
        addArguments.put("title", "Buy milk");
        addArguments.put("description", null);
        addArguments.put("tags", List.of("home", "today"));
        addArguments.put("nested", Map.of("ratio", 1.5, "big", 12_345_678_901L, "urgent", true));
        AssistantMessage calls = new AssistantMessage("Let me do that.", List.of(
                new ToolCall("call_1", "add_task", addArguments),
                new ToolCall("call_2", "complete_task", Map.of("task_id", 42L))), new Usage(120, 35));
        Map<String, Object> taskView = new LinkedHashMap<>();
        taskView.put("task_id", 42L);
        taskView.put("status", "completed");
        taskView.put("description", null);
        taskView.put("completed", true);
        ToolResultMessage ok = new ToolResultMessage("call_2", "complete_task", ToolResult.ok(taskView));
        ToolResultMessage failed = new ToolResultMessage("call_1", "add_task", ToolResult.error("title must not be empty"));

        append(alice, LATER, calls, ok, failed);

        assertThat(latest(alice, 10)).extracting(RecordedMessage::message).containsExactly(calls, ok, failed);
    }

    @Test
    public void a_task_id_given_as_an_int_comes_back_as_a_whole_number() {
        append(alice, LATER, new AssistantMessage("", List.of(new ToolCall("c", "delete_task", Map.of("task_id", 7))), Usage.NONE));

        AssistantMessage read = (AssistantMessage) latest(alice, 1).getFirst().message();
        assertThat(read.toolCalls().getFirst().arguments().get("task_id")).isEqualTo(7L);
    }

    private List<RecordedMessage> append(UserId owner, Instant at, Message... messages) {
        return storage().inTransaction(unit -> unit.transcript().append(owner, conversation, List.of(messages), at));
    }

    private List<RecordedMessage> latest(UserId owner, int limit) {
        return storage().inTransaction(unit -> unit.transcript().latest(owner, conversation, limit));
    }

    private static List<RecordedMessage> concat(List<RecordedMessage> first, List<RecordedMessage> second) {
        List<RecordedMessage> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
