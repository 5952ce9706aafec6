package dev.todochat.llm.offline;

import dev.todochat.domain.TaskFilter;

/** One thing the user asked for in their newest message, as the rules understood it; a message may hold several. */
sealed interface Intent {

    /** Nothing the tools can do: answer in words. */
    record Help(Reason reason) implements Intent {
        enum Reason {
            ASKED, GREETING, THANKS, GOODBYE, MISSING_TITLE, MISSING_TASK, ONE_AT_A_TIME, NOT_UNDERSTOOD, LEFT_ALONE,
            CANCELLED
        }
    }

    /** A reference the conversation cannot settle: ask {@code question} and change nothing. */
    record Unclear(String question) implements Intent {
    }

    /** List the tasks that pass {@code filter}. */
    record Show(TaskFilter filter) implements Intent {
    }

    /** Add a task; {@code description} is null when none was given. */
    record Add(String title, String description) implements Intent {
    }

    /** A bare item ("Oat milk"): offer to add it rather than guess. */
    record Offer(String title) implements Intent {
    }

    /** "What did I just add?": answer from the conversation. */
    record Recall() implements Intent {
    }

    /** "Is the car wash done?": look the task up and say, changing nothing. */
    record Ask(Target target) implements Intent {
    }

    /**
     * Complete, delete or update one task (or, named by words joined with "and", several). For an update,
     * {@code title} and {@code description} are the new values (null: unchanged; an empty description clears it).
     */
    record Change(Action action, Target target, String title, String description) implements Intent {
        static Change of(Action action, Target target) {
            return new Change(action, target, null, null);
        }

        Change withTarget(Target other) {
            return new Change(action, other, title, description);
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
