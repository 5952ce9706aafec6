package dev.todochat.domain.chat;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Ids;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.port.TurnLease;
import dev.todochat.domain.port.UnitOfWork;
import dev.todochat.domain.tool.TaskTools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One chat turn, the agent loop of the design brief:
 * <ol>
 *   <li>one short transaction ({@link TurnStart}): the rate limits, the idempotency key, the user's conversation (or a
 *   new one), its turn lease with the user message, the history window;</li>
 *   <li>call the model <em>with no transaction open</em>; for each reply with tool calls, one short transaction
 *   runs the tools for the authenticated user and records the call and the results together with the lease's
 *   renewal; repeat until the model answers in text or a bound ends the loop;</li>
 *   <li>one short transaction: append the answer releasing the lease, record the answer under the idempotency
 *   key.</li>
 * </ol>
 * Nothing is kept between turns: everything the next turn needs is in storage. If the model fails, what was done so
 * far stays recorded, the lease is released and the key forgotten, and the failure reaches the caller. A turn whose
 * lease lapsed and was taken over writes nothing more: its next write fails with {@link ConversationBusy}. When the
 * storage has no connection to give ({@link StorageBusy}), a new turn is refused at once, with nothing written; a
 * turn that has already called the model asks again, as its {@link StoragePatience} says. A turn past its
 * {@link ChatLimits#turnTimeout()} stops before its next model call ({@link TurnTimedOut}), as a failed model would.
 */
public final class ChatCycle {
    static final String ROUNDS_EXHAUSTED = "I could not finish this in the steps one message allows, so I stopped. "
            + "Everything listed under tool calls was done; please check your list and ask again in smaller steps.";
    static final String REPEATING = "I stopped because I was repeating the same step without getting anywhere. "
            + "Everything listed under tool calls was done; please rephrase your request.";
    static final String EMPTY_ANSWER = "Done.";

    private final Storage storage;
    private final LanguageModel model;
    private final TaskTools tools;
    private final Clock clock;
    private final Ids ids;
    private final ChatLimits limits;
    private final TurnStart start;

    public ChatCycle(Storage storage, LanguageModel model, TaskTools tools, Clock clock, Ids ids, ChatLimits limits) {
        this.storage = storage;
        this.model = model;
        this.tools = tools;
        this.clock = clock;
        this.ids = ids;
        this.limits = limits;
        this.start = new TurnStart(ids, limits);
    }

    /**
     * Runs one turn for {@code user}.
     *
     * @throws dev.todochat.domain.NotFound          when the request names a conversation that is not the user's
     * @throws ConversationBusy                      when another turn holds the conversation or the idempotency key
     * @throws IdempotencyKeyReused                  when the key was used for a different request
     * @throws dev.todochat.domain.port.ModelFailure when the model fails; the transcript keeps what was done
     * @throws TurnTimedOut                          when the turn outlasts its timeout; what was done stays
     */
    public TurnResult run(UserId user, ChatRequest request) {
        return run(user, request, TurnObserver.none());
    }

    /**
     * Like {@link #run(UserId, ChatRequest)}, reporting to {@code observer} the text as the model writes it and each
     * round of tools once it is committed. A replayed turn reports nothing: its result is the whole story.
     */
    public TurnResult run(UserId user, ChatRequest request, TurnObserver observer) {
        TurnDeadline deadline = new TurnDeadline(clock, limits.turnTimeout());
        TurnId turn = ids.newTurnId();
        TurnStart.Outcome outcome = storage.inTransaction(unit -> start.begin(unit, user, request, turn, clock.instant()));
        if (outcome instanceof TurnStart.Replayed replayed) {
            return replayed.result();
        }
        ConversationId conversation = ((TurnStart.Started) outcome).conversation();
        try {
            observer.started(conversation);
            return think(user, request, turn, (TurnStart.Started) outcome, observer, deadline);
        } catch (RuntimeException failure) {
            abandon(user, request, conversation, turn, failure);
            throw failure;
        }
    }

    private TurnResult think(UserId user, ChatRequest request, TurnId turn, TurnStart.Started started,
                             TurnObserver observer, TurnDeadline deadline) {
        ConversationId conversation = started.conversation();
        List<Message> history = new ArrayList<>(started.history());
        List<ToolInvocation> invocations = new ArrayList<>();
        Map<ToolCall, Integer> repeats = new HashMap<>();
        Usage usage = Usage.NONE;
        String answer = null;
        for (int round = 1; answer == null; round++) {
            if (round > limits.maxRounds()) {
                answer = ROUNDS_EXHAUSTED;
                break;
            }
            ModelReply reply = deadline.callModel(now -> {
                Prompt prompt = new Prompt(history, tools.specs(), now, Optional.of(deadline.at()));
                return observer.wantsText() ? model.reply(prompt, observer::text) : model.reply(prompt);
            });
            usage = usage.plus(reply.usage());
            if (!reply.hasToolCalls()) {
                answer = reply.text().isBlank() ? EMPTY_ANSWER : reply.text();
            } else if (repeatsTooOften(reply.toolCalls(), repeats)) {
                answer = REPEATING;
            } else {
                ToolRound step = patiently(unit -> act(unit, user, conversation, turn, reply));
                history.addAll(step.messages());
                invocations.addAll(step.invocations());
                observer.toolsRan(step.invocations());
            }
        }
        TurnResult result = new TurnResult(conversation, answer, invocations, usage);
        patiently(unit -> finish(unit, user, request, turn, result));
        return result;
    }

    private ToolRound act(UnitOfWork unit, UserId user, ConversationId conversation, TurnId turn, ModelReply reply) {
        Instant now = clock.instant();
        List<Message> messages = new ArrayList<>();
        List<ToolInvocation> invocations = new ArrayList<>();
        messages.add(reply.asMessage());
        for (ToolCall call : reply.toolCalls()) {
            ToolResult result = tools.execute(user, call.name(), call.arguments(), unit.tasks(), now);
            messages.add(new ToolResultMessage(call.id(), call.name(), result));
            invocations.add(new ToolInvocation(call.name(), call.arguments(), result));
        }
        record(unit, user, conversation, TurnLease.keep(turn, now.plus(limits.turnLease())), messages, now);
        return new ToolRound(messages, invocations);
    }

    private Void finish(UnitOfWork unit, UserId user, ChatRequest request, TurnId turn, TurnResult result) {
        Instant now = clock.instant();
        AssistantMessage answer = AssistantMessage.answer(result.response(), result.usage());
        record(unit, user, result.conversationId(), TurnLease.release(turn), List.of(answer), now);
        request.idempotencyKey().ifPresent(key -> unit.idempotencyKeys().complete(user, key, turn, result));
        return null;
    }

    /**
     * Every write of a turn proves, in the same statement, that the turn still holds its conversation, and extends or
     * releases the lease. When it does not, the unit rolls back: a tool's effect is never kept without its record.
     */
    private void record(UnitOfWork unit, UserId user, ConversationId conversation, TurnLease lease,
                        List<Message> messages, Instant now) {
        if (unit.transcript().appendInTurn(user, conversation, lease, messages, now).isEmpty()) {
            throw new ConversationBusy(ConversationBusy.Conflict.TURN_TAKEN_OVER, "this turn no longer holds its"
                    + " conversation: another message took it over (the turn took longer than its lease) or it was"
                    + " deleted; nothing more was written");
        }
    }

    /** After a failure: free the conversation and the key for the next request, if this turn still holds them. */
    private void abandon(UserId user, ChatRequest request, ConversationId conversation, TurnId turn,
                         RuntimeException failure) {
        try {
            patiently(unit -> {
                unit.conversations().releaseTurn(user, conversation, turn);
                request.idempotencyKey().ifPresent(key -> unit.idempotencyKeys().abandon(user, key, turn));
                return null;
            });
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** A paid-for turn does not give up on the first busy storage: see {@link StoragePatience}. */
    private <T> T patiently(Function<UnitOfWork, T> work) {
        StoragePatience patience = limits.storagePatience();
        for (int attempt = 1; ; attempt++) {
            try {
                return storage.inPriorityTransaction(work);
            } catch (StorageBusy busy) {
                if (attempt >= patience.attempts() || !pause(patience.backoff())) {
                    throw busy;
                }
            }
        }
    }

    /** Waits {@code backoff}; false when the thread was interrupted meanwhile (the interrupt stays set). */
    private static boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean repeatsTooOften(List<ToolCall> calls, Map<ToolCall, Integer> repeats) {
        boolean tooOften = false;
        for (ToolCall call : calls) {
            ToolCall key = new ToolCall("-", call.name(), call.arguments());
            int times = repeats.merge(key, 1, Integer::sum);
            tooOften |= times > limits.maxIdenticalCalls();
        }
        return tooOften;
    }

    private record ToolRound(List<Message> messages, List<ToolInvocation> invocations) {
    }
}
