package dev.todochat.llm.offline;

import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.ToolResult;
import dev.todochat.llm.offline.Intent.Action;
import dev.todochat.llm.offline.Intent.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the next step of a turn from the intent and the rounds done so far. A plan has at most two rounds of
 * tool calls (look the task up by name, then act on it); any round that is not a look-up is answered in text, so a
 * turn always ends.
 */
final class Planner {
    private Planner() {
    }

    static Step next(Intent intent, Turn turn) {
        if (turn.rounds().isEmpty()) {
            return start(intent);
        }
        Turn.Round last = turn.rounds().getLast();
        if (turn.rounds().size() == 1 && intent instanceof Change change
                && change.target() instanceof Target.ByName name) {
            Optional<ToolResult> listing = last.onlyResultOf(PlannedCall.LIST).filter(result -> !result.isError());
            if (listing.isPresent()) {
                return resolve(change, name, ListedTask.from(listing.get()));
            }
        }
        return new Step.Say(Outcomes.describe(last));
    }

    private static Step start(Intent intent) {
        return switch (intent) {
            case Intent.Help help -> new Step.Say(Replies.help(help.reason()));
            case Intent.Show show -> new Step.Call(List.of(PlannedCall.list(show.filter())));
            case Intent.Add add -> act(PlannedCall.add(add.title(), add.description()), add.thenShow());
            case Change change -> switch (change.target()) {
                case Target.ById id -> act(PlannedCall.change(change, id.id()), change.thenShow());
                case Target.ByName ignored -> new Step.Call(List.of(PlannedCall.list(TaskFilter.ALL)));
            };
        };
    }

    private static Step resolve(Change change, Target.ByName name, List<ListedTask> tasks) {
        List<ListedTask> matches = TitleMatcher.match(name.words(), tasks);
        if (change.action() == Action.COMPLETE && matches.stream().anyMatch(task -> !task.completed())) {
            matches = matches.stream().filter(task -> !task.completed()).toList();
        }
        if (matches.size() == 1) {
            return act(PlannedCall.change(change, matches.getFirst().id()), change.thenShow());
        }
        return new Step.Say(matches.isEmpty()
                ? Replies.noMatch(change.action(), name.words(), tasks.isEmpty())
                : Replies.whichOne(change.action(), name.words(), matches));
    }

    private static Step act(PlannedCall call, Optional<TaskFilter> thenShow) {
        List<PlannedCall> calls = new ArrayList<>();
        calls.add(call);
        thenShow.ifPresent(filter -> calls.add(PlannedCall.list(filter)));
        return new Step.Call(calls);
    }
}
