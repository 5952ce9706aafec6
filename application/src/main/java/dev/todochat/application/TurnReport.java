package dev.todochat.application;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserId;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one chat turn did, once it is over, for logs and metrics. Holds no message text, token or key.
 *
 * @param user         the authenticated user (an operator's log should show a hash of it, never the id)
 * @param conversation the conversation, once the turn's first transaction named it
 * @param outcome      how the turn ended
 * @param kind         for a refused or failed turn, why, in {@code snake_case} ({@code conflict}, {@code not_found},
 *                     {@code model_timeout}, {@code turn_timeout}, …); empty otherwise
 * @param modelCalls   model calls made (the rounds)
 * @param tools        each tool that ran, in order, with whether it succeeded
 * @param usage        tokens in and out, summed over the model calls
 * @param modelTime    time spent waiting on the model
 * @param databaseTime time spent in transactions (waiting for a connection included)
 * @param duration     the whole turn
 */
public record TurnReport(UserId user, Optional<ConversationId> conversation, Outcome outcome, String kind,
                         int modelCalls, List<ToolRun> tools, Usage usage, Duration modelTime, Duration databaseTime,
                         Duration duration) {
    public TurnReport {
        tools = List.copyOf(tools);
    }

    /** How a turn ended. */
    public enum Outcome {
        /** The model answered and the answer was recorded. */
        ANSWERED,
        /** The stored answer of an earlier run of the same idempotent request; nothing ran. */
        REPLAYED,
        /** Refused before it did anything (not found, busy conversation, reused key, no connection). */
        REFUSED,
        /** Began but ended without an answer (the model failed, the turn timed out, a bug). */
        FAILED
    }

    /** One tool that ran: its name and whether its result was a success. */
    public record ToolRun(String tool, boolean ok) {
    }
}
