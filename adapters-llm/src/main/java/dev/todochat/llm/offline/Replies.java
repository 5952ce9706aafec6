package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Action;
import dev.todochat.llm.offline.Intent.Help.Reason;

import java.util.List;

/** Writes the answers that need no tool: help, "which one do you mean?" and "no task matches". */
final class Replies {
    private static final String EXAMPLES = """
            I'm the offline assistant: I understand plain task commands, without any model service. For example:
            - "add buy milk" or "remind me to call mom"
            - "add a task to plan the trip with description flights and hotel"
            - "show my pending tasks", "what have I finished?" or "show all tasks"
            - "mark buy milk as done" or "complete task 3"
            - "rename buy milk to buy oat milk" or "change the description of task 2 to Q3 numbers"
            - "delete task 4" or "remove buy milk\"""";

    private Replies() {
    }

    static String help(Reason reason) {
        String lead = switch (reason) {
            case ASKED -> "";
            case GREETING -> "Hi! ";
            case THANKS -> "You're welcome! ";
            case MISSING_TITLE -> "What should the task say? ";
            case MISSING_TASK -> "Which task do you mean? Name it, or give its id. ";
            case ONE_AT_A_TIME -> "I change one task at a time: name it, or give its id. ";
            case NOT_UNDERSTOOD -> "Sorry, I didn't understand that. ";
        };
        return lead + EXAMPLES;
    }

    static String whichOne(Action action, String words, List<ListedTask> candidates) {
        return candidates.size() + " tasks match \"" + words + "\":" + Listing.lines(candidates)
                + "\nWhich one should I " + action.verb() + "? Answer with its id, for example \"task "
                + candidates.getFirst().id() + "\".";
    }

    static String noMatch(Action action, String words, boolean listEmpty) {
        if (listEmpty) {
            return "Your list is empty, so there is no task \"" + words + "\" to " + action.verb() + ".";
        }
        return "No task matches \"" + words + "\". Say \"show all tasks\" to see your tasks and their ids.";
    }
}
