package dev.todochat.llm.scripted;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptedModelTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static Prompt prompt(String userText) {
        return new Prompt(List.of(new UserMessage(userText)), List.of(), NOW);
    }

    @Test
    void should_play_its_steps_in_order_and_record_every_prompt() {
        ToolCall add = ToolCalls.addTask("buy milk");
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(add)
                .replyText("Added it.")
                .thenReply(new ModelReply("Counted.", List.of(), new Usage(12, 3)));

        ModelReply first = model.reply(prompt("one"));
        ModelReply second = model.reply(prompt("two"));
        ModelReply third = model.reply(prompt("three"));

        assertThat(first.toolCalls()).containsExactly(add);
        assertThat(second.text()).isEqualTo("Added it.");
        assertThat(third.usage()).isEqualTo(new Usage(12, 3));
        assertThat(model.prompts()).extracting(p -> ((UserMessage) p.history().getFirst()).text())
                .containsExactly("one", "two", "three");
        assertThat(model.lastPrompt()).isEqualTo(prompt("three"));
        assertThat(model.remaining()).isZero();
    }

    @Test
    void should_let_a_step_answer_from_the_prompt_it_got() {
        ScriptedModel model = ScriptedModel.create()
                .then(prompt -> ModelReply.text("you said " + ((UserMessage) prompt.history().getLast()).text()));

        assertThat(model.reply(prompt("hello")).text()).isEqualTo("you said hello");
    }

    @Test
    void should_throw_the_scripted_failure_and_go_on_with_the_next_step() {
        ScriptedModel model = ScriptedModel.create().thenFail(ModelFailure.Kind.TIMEOUT).replyText("recovered");

        assertThatThrownBy(() -> model.reply(prompt("one")))
                .isInstanceOfSatisfying(ModelFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.TIMEOUT));
        assertThat(model.reply(prompt("two")).text()).isEqualTo("recovered");
        assertThat(model.prompts()).hasSize(2);
    }

    @Test
    void should_throw_a_given_failure_as_it_is() {
        ModelFailure limited = new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "slow down",
                Duration.ofSeconds(7), null);
        ScriptedModel model = ScriptedModel.create().thenFail(limited);

        assertThatThrownBy(() -> model.reply(prompt("one"))).isSameAs(limited);
    }

    @Test
    void should_say_how_many_steps_were_scripted_and_what_the_user_wrote_when_it_runs_out() {
        ScriptedModel model = ScriptedModel.create().replyText("one").replyText("two");
        model.reply(prompt("first"));
        model.reply(prompt("second"));
        Prompt third = new Prompt(List.of(new UserMessage("add buy milk"), AssistantMessage.answer("ok", Usage.NONE)),
                List.of(), NOW);

        assertThatThrownBy(() -> model.reply(third))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the scripted model ran out of steps: 2 were scripted and this is call 3; "
                        + "the last user message was \"add buy milk\"");
        assertThat(model.lastPrompt()).isEqualTo(third);
    }

    @Test
    void should_count_the_steps_not_used_yet() {
        ScriptedModel model = ScriptedModel.create().replyText("one").replyText("two").replyText("three");

        model.reply(prompt("first"));

        assertThat(model.remaining()).isEqualTo(2);
    }

    @Test
    void should_refuse_a_tool_call_reply_without_calls() {
        assertThatThrownBy(() -> ScriptedModel.create().replyToolCalls())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_not_be_asked_before_it_was_called() {
        assertThatThrownBy(() -> ScriptedModel.create().lastPrompt()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_serve_other_calls_while_a_step_holds_its_call() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedModel model = ScriptedModel.create()
                .then(prompt -> {
                    entered.countDown();
                    await(release);
                    return ModelReply.text("held");
                })
                .replyText("free");

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ModelReply> held = threads.submit(() -> model.reply(prompt("first")));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            ModelReply free = threads.submit(() -> model.reply(prompt("second"))).get(10, TimeUnit.SECONDS);
            release.countDown();

            assertThat(free.text()).isEqualTo("free");
            assertThat(held.get(10, TimeUnit.SECONDS).text()).isEqualTo("held");
        }
    }

    @Test
    void should_give_each_concurrent_call_its_own_step() throws Exception {
        ScriptedModel model = ScriptedModel.create();
        IntStream.range(0, 200).forEach(i -> model.replyText("reply " + i));

        List<String> texts;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<String>> calls = IntStream.range(0, 200)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> model.reply(prompt("call " + i)).text(), threads))
                    .toList();
            texts = calls.stream().map(CompletableFuture::join).toList();
        }

        assertThat(texts).doesNotHaveDuplicates().hasSize(200);
        assertThat(model.prompts()).hasSize(200);
        assertThat(model.remaining()).isZero();
    }

    @Test
    void should_make_tool_calls_with_unique_ids() {
        List<ToolCall> calls = List.of(ToolCalls.addTask("a"), ToolCalls.addTask("a", "details"),
                ToolCalls.listTasks("pending"), ToolCalls.completeTask(1), ToolCalls.deleteTask(1),
                ToolCalls.updateTask(1, "b", null));

        assertThat(calls).extracting(ToolCall::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("call_"));
        assertThat(calls).extracting(ToolCall::name).containsExactly("add_task", "add_task", "list_tasks",
                "complete_task", "delete_task", "update_task");
        assertThat(calls.getLast().arguments()).containsOnlyKeys("task_id", "title");
    }

    @Test
    void should_describe_itself_as_a_test_model() {
        assertThat(ScriptedModel.create().describe()).isEqualTo("scripted model (tests)");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the held call");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
