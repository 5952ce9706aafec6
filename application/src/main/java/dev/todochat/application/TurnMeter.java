package dev.todochat.application;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ConversationBusy;
import dev.todochat.domain.chat.IdempotencyKeyReused;
import dev.todochat.domain.chat.RateLimited;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnObserver;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.chat.TurnTimedOut;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.port.StorageUnavailable;
import dev.todochat.domain.port.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Measures turns without changing them: the model and the storage the cycle uses are wrapped so that each call is
 * timed and counted for the turn running on the calling thread (a turn runs on one thread), and the turn's end is
 * reported to a {@link TurnListener}.
 */
final class TurnMeter {
    private final TurnListener listener;
    private final ThreadLocal<Tally> current = new ThreadLocal<>();

    TurnMeter(TurnListener listener) {
        this.listener = listener;
    }

    /** Runs {@code turn} with a tally of its own, and reports it however the turn ends. */
    TurnResult measure(UserId user, TurnObserver observer, Function<TurnObserver, TurnResult> turn) {
        Tally tally = new Tally();
        current.set(tally);
        long start = System.nanoTime();
        try {
            TurnResult result = turn.apply(new Recording(observer, tally));
            tally.conversation = result.conversationId();
            report(user, tally, result.replayed() ? TurnReport.Outcome.REPLAYED : TurnReport.Outcome.ANSWERED, "",
                    result.usage(), start);
            return result;
        } catch (RuntimeException failure) {
            boolean refused = tally.conversation == null && tally.modelCalls == 0;
            report(user, tally, refused ? TurnReport.Outcome.REFUSED : TurnReport.Outcome.FAILED, kind(failure),
                    tally.usage, start);
            throw failure;
        } finally {
            current.remove();
        }
    }

    LanguageModel model(LanguageModel model) {
        return new LanguageModel() {
            @Override
            public ModelReply reply(Prompt prompt) {
                return timedCall(() -> model.reply(prompt));
            }

            @Override
            public ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
                return timedCall(() -> model.reply(prompt, textDeltas));
            }

            @Override
            public String describe() {
                return model.describe();
            }
        };
    }

    /** The storage, each transaction timed and reported; a priority transaction stays one. */
    Storage storage(Storage storage) {
        return new Storage() {
            @Override
            public <T> T inTransaction(Function<UnitOfWork, T> work) {
                return metered(storage::inTransaction, work);
            }

            @Override
            public <T> T inPriorityTransaction(Function<UnitOfWork, T> work) {
                return metered(storage::inPriorityTransaction, work);
            }
        };
    }

    /** One of the storage's ways of running a unit of work. */
    private interface Transaction {
        <T> T run(Function<UnitOfWork, T> work);
    }

    private <T> T metered(Transaction transaction, Function<UnitOfWork, T> work) {
        Tally turn = current.get();
        String step = turn == null ? "other" : turn.nextStep();
        return listener.aroundTransaction(step, () -> timedTransaction(transaction, work));
    }

    private <T> T timedTransaction(Transaction transaction, Function<UnitOfWork, T> work) {
        long start = System.nanoTime();
        boolean committed = false;
        try {
            T result = transaction.run(work);
            committed = true;
            return result;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Tally tally = current.get();
            if (tally != null) {
                tally.databaseNanos += took.toNanos();
            }
            boolean ended = committed;
            quietly(() -> listener.transactionEnded(took, ended));
        }
    }

    private ModelReply timedCall(Supplier<ModelReply> call) {
        return listener.aroundModelCall(() -> {
            long start = System.nanoTime();
            Tally tally = current.get();
            try {
                ModelReply reply = call.get();
                finishCall(tally, start, reply.usage(), "ok");
                if (tally != null) {
                    tally.lastCall = reply.hasToolCalls() ? LastCall.TOOLS : LastCall.ANSWER;
                }
                return reply;
            } catch (RuntimeException failure) {
                String outcome = failure instanceof ModelFailure model ? model.kind().name().toLowerCase(Locale.ROOT)
                        : "error";
                finishCall(tally, start, Usage.NONE, outcome);
                if (tally != null) {
                    tally.lastCall = LastCall.FAILED;
                }
                throw failure;
            }
        });
    }

    private void finishCall(Tally tally, long start, Usage usage, String outcome) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (tally != null) {
            tally.modelCalls++;
            tally.modelNanos += took.toNanos();
            tally.usage = tally.usage.plus(usage);
        }
        quietly(() -> listener.modelCalled(took, usage, outcome));
    }

    private void report(UserId user, Tally tally, TurnReport.Outcome outcome, String kind, Usage usage, long start) {
        TurnReport report = new TurnReport(user, Optional.ofNullable(tally.conversation), outcome, kind,
                tally.modelCalls, tally.tools, usage, Duration.ofNanos(tally.modelNanos),
                Duration.ofNanos(tally.databaseNanos), Duration.ofNanos(System.nanoTime() - start));
        quietly(() -> listener.turnEnded(report));
    }

    private static String kind(RuntimeException failure) {
        return switch (failure) {
            case NotFound missing -> "not_found";
            case ConversationBusy busy -> "conflict";
            case IdempotencyKeyReused reused -> "idempotency_key_reused";
            case InvalidInput invalid -> "invalid_input";
            case RateLimited limited -> "rate_limited";
            case StorageBusy busy -> "server_busy";
            case StorageUnavailable lost -> "database_unavailable";
            case TurnTimedOut timedOut -> "turn_timeout";
            case ModelFailure model -> "model_" + model.kind().name().toLowerCase(Locale.ROOT);
            default -> "internal";
        };
    }

    private static void quietly(Runnable report) {
        try {
            report.run();
        } catch (RuntimeException ignored) {
            // a listener's problem is never the turn's
        }
    }

    private enum LastCall { NONE, TOOLS, ANSWER, FAILED }

    /** What one turn has done so far; used only by the thread that runs it. */
    private static final class Tally {
        private int transactions;
        private LastCall lastCall = LastCall.NONE;
        private ConversationId conversation;
        private int modelCalls;
        private long modelNanos;
        private long databaseNanos;
        private Usage usage = Usage.NONE;
        private final List<TurnReport.ToolRun> tools = new ArrayList<>();

        /**
         * Which step the next transaction serves, told by what came before it: the first begins the turn, one after
         * a reply with tool calls runs them, one after an answer finishes, one after a failed call abandons. (A turn
         * that stops on a bound after tool calls, or times out, finishes or abandons in a step named tool_round.)
         */
        String nextStep() {
            transactions++;
            if (transactions == 1) {
                return "begin";
            }
            return switch (lastCall) {
                case TOOLS -> "tool_round";
                case ANSWER -> "finish";
                case FAILED, NONE -> "abandon";
            };
        }
    }

    /** Passes everything on to the caller's observer, noting the conversation and the tools that ran. */
    private record Recording(TurnObserver observer, Tally tally) implements TurnObserver {
        @Override
        public void started(ConversationId conversation) {
            tally.conversation = conversation;
            observer.started(conversation);
        }

        @Override
        public void text(String delta) {
            observer.text(delta);
        }

        @Override
        public boolean wantsText() {
            return observer.wantsText();
        }

        @Override
        public void toolsRan(List<ToolInvocation> invocations) {
            invocations.forEach(run -> tally.tools.add(new TurnReport.ToolRun(run.tool(), !run.result().isError())));
            observer.toolsRan(invocations);
        }
    }
}
