package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Action;

import java.util.List;
import java.util.Optional;

/**
 * Answers to the assistant's own question in the previous turn. After "3 tasks match "report": which one?" the
 * user may say "task 3", "the second one", "the annual one" or "never mind"; after "Should I add "Oat milk"?",
 * "yes". The question is not stored anywhere: the previous message is read again against the listing its turn
 * looked up, which gives the same candidates the question named.
 */
final class FollowUps {
    private FollowUps() {
    }

    static Optional<List<Intent>> answer(String text, EarlierTurns earlier) {
        if (earlier.previousUserText().isEmpty() || !earlier.previousTurnChangedNothing()) {
            return Optional.empty();
        }
        List<Intent> previous = IntentParser.line(Phrases.clean(earlier.previousUserText().get()));
        if (previous.size() != 1) {
            return Optional.empty();
        }
        if (previous.getFirst() instanceof Intent.Offer offer) {
            return IntentParser.saysYes(text) ? Optional.of(List.of(new Intent.Add(offer.title(), null)))
                    : Optional.empty();
        }
        if (!(previous.getFirst() instanceof Intent.Change change && change.target() instanceof Target.ByName name)) {
            return Optional.empty();
        }
        List<ListedTask> candidates = earlier.previousLookup().map(tasks -> candidates(change, name, tasks))
                .orElse(List.of());
        if (candidates.size() < 2) {
            return Optional.empty();
        }
        if (SmallTalk.cancels(text)) {
            return Optional.of(List.of(new Intent.Help(Intent.Help.Reason.CANCELLED)));
        }
        return choice(text, candidates).map(task -> List.of(change.withTarget(task)));
    }

    /** The tasks the question named: the same rule the planner used to find them. */
    static List<ListedTask> candidates(Intent.Change change, Target.ByName name, List<ListedTask> tasks) {
        List<ListedTask> matches = TitleMatcher.match(name.words(), tasks);
        if (matches.isEmpty() && name.fallback() != null) {
            matches = TitleMatcher.match(name.fallback(), tasks);
        }
        if (change.action() == Action.COMPLETE && matches.stream().anyMatch(task -> !task.completed())) {
            return matches.stream().filter(task -> !task.completed()).toList();
        }
        return matches;
    }

    private static Optional<Target> choice(String text, List<ListedTask> candidates) {
        Target target = Target.parse(text);
        return switch (target) {
            case Target.ById id -> Optional.of(id);
            case Target.ByPosition position -> at(candidates, position.position()).map(task -> new Target.ById(task.id()));
            case Target.ByName name -> {
                List<ListedTask> chosen = TitleMatcher.match(name.words(), candidates);
                yield chosen.size() == 1 ? Optional.of(new Target.ById(chosen.getFirst().id())) : Optional.empty();
            }
            case Target.Mentioned ignored -> Optional.empty();
        };
    }

    static Optional<ListedTask> at(List<ListedTask> tasks, int position) {
        int index = position == Target.ByPosition.LAST ? tasks.size() - 1 : position - 1;
        return index >= 0 && index < tasks.size() ? Optional.of(tasks.get(index)) : Optional.empty();
    }
}
