package dev.todochat.llm.offline;

import dev.todochat.domain.TaskFilter;

import java.util.Optional;

/** What the user asked for in their newest message, as the rules understood it. */
sealed interface Intent {

    /** Nothing the tools can do: answer with what the assistant understands. */
    record Help(Reason reason) implements Intent {
        enum Reason { ASKED, GREETING, THANKS, MISSING_TITLE, MISSING_TASK, ONE_AT_A_TIME, NOT_UNDERSTOOD }
    }

    /** List the tasks that pass {@code filter}. */
    record Show(TaskFilter filter) implements Intent {
    }

    /** Add a task; {@code description} is null when none was given; {@code thenShow} lists tasks afterwards. */
    record Add(String title, String description, Optional<TaskFilter> thenShow) implements Intent {
    }

    /**
     * Complete, delete or update one task. For an update, {@code title} and {@code description} are the new values
     * (null: unchanged; an empty description clears it).
     */
    record Change(Action action, Target target, String title, String description, Optional<TaskFilter> thenShow)
            implements Intent {

        static Change of(Action action, Target target) {
            return new Change(action, target, null, null, Optional.empty());
        }

        Change withTarget(Target other) {
            return new Change(action, other, title, description, thenShow);
        }

        Change thenShowing(Optional<TaskFilter> filter) {
            return new Change(action, target, title, description, filter);
        }
    }

    /** The tool each kind of change uses, and how a question about it is phrased. */
    enum Action {
        COMPLETE(PlannedCall.COMPLETE, "mark as done"),
        DELETE(PlannedCall.DELETE, "delete"),
        UPDATE(PlannedCall.UPDATE, "change");

        private final String tool;
        private final String verb;

        Action(String tool, String verb) {
            this.tool = tool;
            this.verb = verb;
        }

        String tool() {
            return tool;
        }

        String verb() {
            return verb;
        }
    }
}
