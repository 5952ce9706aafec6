package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Action;
import dev.todochat.llm.offline.Intent.Help.Reason;

import java.util.List;
import java.util.stream.Collectors;

/** Writes the answers that need no tool result of their own: help, questions back, "no task matches", small talk. */
final class Wording {
    private static final String EXAMPLES = """
            I'm the offline assistant: I understand plain task commands, without any model service. For example:
            - "add buy milk", "remind me to call mom" or "I need to book a haircut"
            - "add eggs, flour and sugar" (three tasks)
            - "show my pending tasks", "what have I finished?" or "show all tasks"
            - "mark buy milk as done", "complete task 3" or "I paid the rent"
            - "rename buy milk to buy oat milk" or "change the description of task 2 to Q3 numbers"
            - "delete task 4" or "bin the gym task"
            - after a listing: "delete the second one"; after adding: "mark it as done\"""";

    private Wording() {
    }

    static String help(Reason reason) {
        return switch (reason) {
            case THANKS -> "You're welcome!";
            case GOODBYE -> "Bye! Your tasks are saved; they'll be here when you come back.";
            case LEFT_ALONE -> "OK, I haven't changed anything. Tell me plainly when you want a change, for example"
                    + " \"delete task 2\" or \"mark the slides as done\".";
            case CANCELLED -> "OK, I've left your tasks as they are.";
            case ASKED -> EXAMPLES;
            case GREETING -> "Hi! " + EXAMPLES;
            case MISSING_TITLE -> "What should the task say? " + EXAMPLES;
            case MISSING_TASK -> "Which task do you mean? Name it, or give its number. " + EXAMPLES;
            case ONE_AT_A_TIME -> "I change tasks you name, not all of them at once: name them, or give their numbers"
                    + " (\"delete task 2 and task 3\").";
            case NOT_UNDERSTOOD -> "Sorry, I didn't understand that. " + EXAMPLES;
        };
    }

    static String whichOne(Action action, String words, List<ListedTask> candidates) {
        return candidates.size() + " tasks match \"" + words + "\":" + Listing.lines(candidates)
                + "\nWhich one should I " + action.verb() + "? Say \"the first one\", or its number, for example \"task "
                + candidates.getFirst().id() + "\".";
    }

    static String noMatch(Action action, String words, List<ListedTask> tasks) {
        if (tasks.isEmpty()) {
            return "Your list is empty, so there is no task \"" + words + "\" to " + action.verb() + ".";
        }
        List<ListedTask> closest = TitleMatcher.closest(words, tasks);
        if (closest.isEmpty()) {
            return "No task matches \"" + words + "\", so I changed nothing. Say \"show all tasks\" to see your tasks"
                    + " and their numbers.";
        }
        return "No task matches \"" + words + "\", so I changed nothing. Did you mean " + titles(closest)
                + "? Say it with the task's number, for example \"task " + closest.getFirst().id() + "\".";
    }

    static String offer(String title) {
        return "Should I add \"" + title + "\" to your list? Say \"yes\", or \"add " + title + "\".";
    }

    /** "What did I just add?", from the last turn that changed anything. */
    static String recall(List<Turn.Outcome> changes) {
        if (changes.isEmpty()) {
            return "You haven't changed any task in this conversation yet.";
        }
        return changes.stream().map(outcome -> {
            String task = ListedTask.one(outcome.result()).map(found -> "\"" + found.title() + "\" (task "
                    + found.id() + ")").orElse("a task");
            return switch (outcome.call().name()) {
                case PlannedCall.ADD -> "You just added " + task + ".";
                case PlannedCall.COMPLETE -> "You just marked " + task + " as done.";
                case PlannedCall.DELETE -> "You just deleted " + task + ".";
                default -> "You just changed " + task + ".";
            };
        }).collect(Collectors.joining(" "));
    }

    /** The answer to "is X done?", from the user's tasks. */
    static String status(Target target, List<ListedTask> tasks) {
        List<ListedTask> found = switch (target) {
            case Target.ById id -> tasks.stream().filter(task -> task.id() == id.id()).toList();
            case Target.ByName name -> {
                List<ListedTask> matches = TitleMatcher.match(name.words(), tasks);
                yield matches.isEmpty() && name.fallback() != null ? TitleMatcher.match(name.fallback(), tasks)
                        : matches;
            }
            default -> List.of();
        };
        if (found.isEmpty()) {
            String words = target instanceof Target.ByName name ? name.words() : "that";
            List<ListedTask> closest = TitleMatcher.closest(words, tasks);
            return "I can't find a task \"" + words + "\"." + (closest.isEmpty() ? ""
                    : " Did you mean " + titles(closest) + "?");
        }
        return found.stream().map(task -> "\"" + task.title() + "\" (task " + task.id() + ") is "
                + (task.completed() ? "done." : "still open.")).collect(Collectors.joining(" "));
    }

    private static String titles(List<ListedTask> tasks) {
        List<String> quoted = tasks.stream().map(task -> "\"" + task.title() + "\" (task " + task.id() + ")").toList();
        return quoted.size() == 1 ? quoted.getFirst()
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
    }
}
