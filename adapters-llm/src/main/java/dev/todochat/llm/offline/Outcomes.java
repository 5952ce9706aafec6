package dev.todochat.llm.offline;

import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;

import java.util.Map;
import java.util.stream.Collectors;

/** Writes the answer that ends a turn: one paragraph for each tool call of the last round, in order. */
final class Outcomes {
    private static final String SEE_IDS = " Say \"show all tasks\" to see your tasks and their numbers.";

    private Outcomes() {
    }

    static String describe(Turn.Round round) {
        return round.outcomes().stream()
                .map(outcome -> describe(outcome.call(), outcome.result()))
                .collect(Collectors.joining("\n\n"));
    }

    private static String describe(ToolCall call, ToolResult result) {
        if (result.isError()) {
            return failure(call, result.errorMessage());
        }
        Map<String, Object> value = result.value();
        String title = "\"" + value.get("title") + "\"";
        String id = "(task " + value.get("task_id") + ")";
        return switch (call.name()) {
            case PlannedCall.LIST -> Listing.write(String.valueOf(value.get("status")), ListedTask.from(result));
            case PlannedCall.ADD -> "Added " + title + " to your list " + id + (value.get("description")
                    instanceof String details ? ", with the description \"" + details + "\"." : ".");
            case PlannedCall.COMPLETE -> "Marked " + title + " as done " + id + ".";
            case PlannedCall.DELETE -> "Deleted " + title + " " + id + ".";
            default -> updated(call.arguments(), value, title, id);
        };
    }

    /** An update, in the words of what it changed: the title, the description, or both. */
    private static String updated(Map<String, Object> arguments, Map<String, Object> value, String title, String id) {
        String renamed = "Renamed task " + value.get("task_id") + " to " + title;
        if (!arguments.containsKey("description")) {
            return renamed + ".";
        }
        boolean cleared = String.valueOf(arguments.get("description")).isBlank();
        String details = "\"" + value.get("description") + "\"";
        if (arguments.containsKey("title")) {
            return renamed + (cleared ? " and removed its description."
                    : " and set its description to " + details + ".");
        }
        return cleared ? "Removed the description of " + title + " " + id + "."
                : "Set the description of " + title + " " + id + " to " + details + ".";
    }

    private static String failure(ToolCall call, String error) {
        Object id = call.arguments().get("task_id");
        String attempt = switch (call.name()) {
            case PlannedCall.ADD -> "add that task";
            case PlannedCall.LIST -> "list your tasks";
            case PlannedCall.COMPLETE -> "mark task " + id + " as done";
            case PlannedCall.DELETE -> "delete task " + id;
            case PlannedCall.UPDATE -> "update task " + id;
            default -> "do that";
        };
        return "Sorry, I couldn't " + attempt + ": " + firstSentence(error) + (id == null ? "" : SEE_IDS);
    }

    /** The part of a tool's error meant for a person; the rest tells a model which tool to call next. */
    private static String firstSentence(String error) {
        int end = error.indexOf(". ");
        String sentence = end < 0 ? error.strip() : error.substring(0, end);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
