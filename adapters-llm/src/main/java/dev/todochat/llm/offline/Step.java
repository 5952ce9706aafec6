package dev.todochat.llm.offline;

import java.util.List;

/** What the assistant does next in a turn: call tools (one round), or answer in text and end the turn. */
sealed interface Step {
    record Call(List<PlannedCall> calls) implements Step {
        public Call {
            calls = List.copyOf(calls);
        }
    }

    record Say(String text) implements Step {
    }
}
