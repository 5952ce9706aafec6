package dev.todochat.llm.offline;

import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.ToolResult;
import dev.todochat.llm.offline.Intent.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the next step of a turn from the intents and the rounds done so far. When a task is named by words (or
 * asked about), the first round looks the tasks up; the next round carries out every intent at once, or, when any
 * name is unclear or matches nothing, nothing at all: the answer asks instead. Any round that is not a look-up is
 * answered in text, so a turn always ends.
 */
final class Planner {
    private Planner() {
    }

    static NextMove next(List<Intent> intents, Turn turn) {
        Optional<String> words = spoken(intents, turn);
        if (words.isPresent()) {
            return new NextMove.Say(words.get());
        }
        boolean lookup = intents.stream().anyMatch(Planner::needsLookup);
        if (turn.rounds().isEmpty()) {
            return lookup ? new NextMove.Call(List.of(PlannedCall.list(TaskFilter.ALL))) : act(intents, List.of());
        }
        Turn.Round last = turn.rounds().getLast();
        if (lookup && turn.rounds().size() == 1) {
            Optional<ToolResult> listing = last.onlyResultOf(PlannedCall.LIST).filter(result -> !result.isError());
            if (listing.isPresent()) {
                return carryOut(intents, ListedTask.from(listing.get()));
            }
        }
        return new NextMove.Say(Outcomes.describe(last));
    }

    /** The answer when the intents need no tool at all. */
    private static Optional<String> spoken(List<Intent> intents, Turn turn) {
        if (intents.size() != 1) {
            return Optional.empty();
        }
        return switch (intents.getFirst()) {
            case Intent.Help help -> Optional.of(Wording.help(help.reason()));
            case Intent.Unclear unclear -> Optional.of(unclear.question());
            case Intent.Offer offer -> Optional.of(Wording.offer(offer.title()));
            case Intent.Recall ignored -> Optional.of(Wording.recall(turn.earlier().lastChanges()));
            default -> Optional.empty();
        };
    }

    private static boolean needsLookup(Intent intent) {
        return intent instanceof Intent.Ask
                || intent instanceof Change change && change.target() instanceof Target.ByName;
    }

    /** With the listing in hand: every call, or (if any task is unclear) an answer that asks and changes nothing. */
    private static NextMove carryOut(List<Intent> intents, List<ListedTask> tasks) {
        List<String> questions = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Intent> resolved = new ArrayList<>();
        for (Intent intent : intents) {
            switch (intent) {
                case Intent.Ask ask -> answers.add(Wording.status(ask.target(), tasks));
                case Change change when change.target() instanceof Target.ByName name -> {
                    Resolution resolution = Resolution.of(change, name, tasks);
                    resolution.question().ifPresent(questions::add);
                    resolution.ids().forEach(id -> resolved.add(change.withTarget(new Target.ById(id))));
                }
                default -> resolved.add(intent);
            }
        }
        if (!questions.isEmpty()) {
            return new NextMove.Say(String.join("\n\n", questions));
        }
        if (resolved.isEmpty()) {
            return new NextMove.Say(String.join("\n\n", answers));
        }
        return act(resolved, tasks);
    }

    private static NextMove act(List<Intent> intents, List<ListedTask> tasks) {
        List<PlannedCall> calls = new ArrayList<>();
        for (Intent intent : intents) {
            switch (intent) {
                case Intent.Add add -> calls.add(PlannedCall.add(add.title(), add.description()));
                case Intent.Show show -> calls.add(PlannedCall.list(show.filter()));
                case Change change when change.target() instanceof Target.ById id ->
                        calls.add(PlannedCall.change(change, id.id()));
                default -> {
                }
            }
        }
        if (calls.isEmpty()) {
            return new NextMove.Say(Wording.help(Intent.Help.Reason.NOT_UNDERSTOOD));
        }
        return new NextMove.Call(calls);
    }
}
