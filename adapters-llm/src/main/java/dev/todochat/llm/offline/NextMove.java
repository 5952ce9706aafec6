package dev.todochat.llm.offline;

import java.util.List;

/** What the assistant does next in a turn: call tools (one round), or answer in text and end the turn. */
sealed interface NextMove {
    record Call(List<PlannedCall> calls) implements NextMove {
        public Call {
            calls = List.copyOf(calls);
        }
    }

    record Say(String text) implements NextMove {
    }
}
