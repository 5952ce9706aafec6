package dev.todochat.llm.scripted;

import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A language model that plays a script, for tests of code that embeds todochat. Each call to {@link #reply} takes
 * the next step: a fixed reply, a function of the prompt (to inspect it, or to hold the call while the test looks
 * at the system), or a {@link ModelFailure} to throw. Every prompt is recorded.
 *
 * <pre>{@code
 * ScriptedModel model = ScriptedModel.create()
 *         .replyToolCalls(ToolCalls.addTask("buy milk"))
 *         .replyText("Added it.");
 * }</pre>
 *
 * <p>A call after the last step throws an {@link IllegalStateException} (not a {@code ModelFailure}, so that it
 * is never mistaken for a model outage) saying how many steps were scripted and what the user had written. The
 * model is safe to share between threads; a function step runs without holding its lock, so it may block.
 */
public final class ScriptedModel implements LanguageModel {
    private final Deque<Function<Prompt, ModelReply>> steps = new ArrayDeque<>();
    private final List<Prompt> prompts = new ArrayList<>();
    private int scripted;

    private ScriptedModel() {
    }

    public static ScriptedModel create() {
        return new ScriptedModel();
    }

    /** Next, answer with {@code reply}. */
    public ScriptedModel thenReply(ModelReply reply) {
        Objects.requireNonNull(reply, "reply");
        return then(prompt -> reply);
    }

    /** Next, answer in text: the turn ends with {@code text}. */
    public ScriptedModel replyText(String text) {
        return thenReply(ModelReply.text(text));
    }

    /** Next, ask for these tool calls (see {@link ToolCalls} for calls with fresh ids). */
    public ScriptedModel replyToolCalls(ToolCall... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("a tool call reply needs at least one call");
        }
        return thenReply(ModelReply.toolCalls(calls));
    }

    /** Next, fail the way a model service fails, with a message naming the kind. */
    public ScriptedModel thenFail(ModelFailure.Kind kind) {
        return thenFail(new ModelFailure(kind, "scripted model failure: " + kind));
    }

    /** Next, throw {@code failure}. */
    public ScriptedModel thenFail(ModelFailure failure) {
        Objects.requireNonNull(failure, "failure");
        return then(prompt -> {
            throw failure;
        });
    }

    /** Next, answer with what {@code step} makes of the prompt; it may also throw or block. */
    public synchronized ScriptedModel then(Function<Prompt, ModelReply> step) {
        steps.addLast(Objects.requireNonNull(step, "step"));
        scripted++;
        return this;
    }

    @Override
    public ModelReply reply(Prompt prompt) {
        Function<Prompt, ModelReply> step;
        synchronized (this) {
            prompts.add(prompt);
            step = steps.pollFirst();
            if (step == null) {
                throw new IllegalStateException("the scripted model ran out of steps: " + scripted
                        + " were scripted and this is call " + prompts.size() + "; the last user message was "
                        + lastUserMessage(prompt).map(text -> "\"" + text + "\"").orElse("(none)"));
            }
        }
        return Objects.requireNonNull(step.apply(prompt), "a scripted step returned no reply");
    }

    /** Every prompt received, oldest first, including one that found the script used up. */
    public synchronized List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    /** The newest prompt received. */
    public synchronized Prompt lastPrompt() {
        if (prompts.isEmpty()) {
            throw new IllegalStateException("the scripted model has not been called yet");
        }
        return prompts.getLast();
    }

    /** How many scripted steps have not been used yet. */
    public synchronized int remaining() {
        return steps.size();
    }

    @Override
    public String describe() {
        return "scripted model (tests)";
    }

    private static Optional<String> lastUserMessage(Prompt prompt) {
        List<Message> history = prompt.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage user) {
                return Optional.of(user.text());
            }
        }
        return Optional.empty();
    }
}
