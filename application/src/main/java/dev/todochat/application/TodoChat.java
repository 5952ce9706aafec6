package dev.todochat.application;

import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatCycle;
import dev.todochat.domain.chat.ChatLimits;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.TurnObserver;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.Ids;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.Storage;
import dev.todochat.domain.tool.TaskTools;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The one class an embedder meets: built once from a storage and a model, then asked to run chat turns for
 * authenticated users. It keeps no state between calls; any number of instances may share one database.
 *
 * <pre>{@code
 * TodoChat chat = TodoChat.builder().storage(storage).model(model).build();
 * TurnResult turn = chat.chat(new UserId("alice"), ChatRequest.newConversation("Add a task to buy milk"));
 * }</pre>
 */
public final class TodoChat {
    private final Storage storage;
    private final TaskTools tools;
    private final ChatCycle cycle;
    private final TurnMeter meter;
    private final Clock clock;

    private TodoChat(Builder builder) {
        this.storage = Objects.requireNonNull(builder.storage, "storage");
        this.tools = new TaskTools();
        this.clock = builder.clock;
        this.meter = new TurnMeter(builder.listener);
        this.cycle = new ChatCycle(meter.storage(storage), meter.model(Objects.requireNonNull(builder.model, "model")),
                tools, builder.clock, builder.ids, builder.limits);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one chat turn for {@code user}, the authenticated subject.
     *
     * @throws dev.todochat.domain.NotFound            the conversation is not the user's
     * @throws dev.todochat.domain.port.ModelFailure   the model failed; what was done stays recorded
     */
    public TurnResult chat(UserId user, ChatRequest request) {
        return chat(user, request, TurnObserver.none());
    }

    /**
     * Runs one chat turn like {@link #chat(UserId, ChatRequest)}, reporting its progress to {@code observer}: the
     * text as the model writes it (a model that cannot stream hands it over whole), and each round of tool calls once
     * its effects are committed. {@link TurnObserver#text(java.util.function.Consumer)} wants only the text.
     */
    public TurnResult chat(UserId user, ChatRequest request, TurnObserver observer) {
        return meter.measure(user, observer, recording -> cycle.run(user, request, recording));
    }

    /**
     * Runs one task tool for {@code user} outside a chat turn (the MCP server does this), in its own short
     * transaction. Bad arguments and unknown or foreign task ids give an error result, never an exception.
     */
    public ToolResult callTool(UserId user, String tool, Map<String, Object> arguments) {
        return storage.inTransaction(unit -> tools.execute(user, tool, arguments, unit.tasks(), clock.instant()));
    }

    /** {@code user}'s tasks, to read and change directly with the tools' rules (for REST APIs and embedding apps). */
    public UserTasks tasks(UserId user) {
        return new UserTasks(storage, clock, user);
    }

    /** {@code user}'s conversations: pages of them, their messages, and deletion. */
    public UserConversations conversations(UserId user) {
        return new UserConversations(storage, user);
    }

    /** The tools the model (and MCP clients) can call. */
    public TaskTools tools() {
        return tools;
    }

    /** Builds a {@link TodoChat}; storage and model are required, the rest have server defaults. */
    public static final class Builder {
        private Storage storage;
        private LanguageModel model;
        private Clock clock = Clock.systemUTC();
        private Ids ids = Ids.random();
        private ChatLimits limits = ChatLimits.DEFAULT;
        private TurnListener listener = TurnListener.none();

        private Builder() {
        }

        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        public Builder model(LanguageModel model) {
            this.model = model;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder ids(Ids ids) {
            this.ids = Objects.requireNonNull(ids);
            return this;
        }

        public Builder limits(ChatLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** Told what each turn did (model calls, transactions, the outcome), for logs, metrics and traces. */
        public Builder listener(TurnListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        public TodoChat build() {
            return new TodoChat(this);
        }
    }
}
