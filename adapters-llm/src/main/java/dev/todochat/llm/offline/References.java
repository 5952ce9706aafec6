package dev.todochat.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Settles "it", "that one" and "the second one" against the conversation, the way a person would: "it" is the task
 * the conversation last mentioned, "the second one" is the second task of the listing the user last saw. When that
 * is not clear (nothing was mentioned, or a listing of several was), the message becomes a question naming the
 * candidates, and nothing changes.
 */
final class References {
    private static final int MOST_NAMED = 5;

    private References() {
    }

    static List<Intent> settle(List<Intent> intents, EarlierTurns earlier) {
        List<Intent> settled = new ArrayList<>();
        for (Intent intent : intents) {
            Target target = switch (intent) {
                case Intent.Change change -> change.target();
                case Intent.Ask ask -> ask.target();
                default -> null;
            };
            if (target instanceof Target.Mentioned || target instanceof Target.ByPosition) {
                Intent resolved = resolve(target, earlier).<Intent>map(id -> switch (intent) {
                    case Intent.Change change -> change.withTarget(id);
                    default -> new Intent.Ask(id);
                }).orElseGet(() -> new Intent.Unclear(question(target, earlier)));
                if (resolved instanceof Intent.Unclear) {
                    return List.of(resolved);
                }
                settled.add(resolved);
            } else {
                settled.add(intent);
            }
        }
        return settled;
    }

    private static java.util.Optional<Target.ById> resolve(Target target, EarlierTurns earlier) {
        if (target instanceof Target.ByPosition position) {
            return FollowUps.at(earlier.lastListing(), position.position()).map(task -> new Target.ById(task.id()));
        }
        return earlier.lastMentioned().size() == 1
                ? java.util.Optional.of(new Target.ById(earlier.lastMentioned().getFirst().id()))
                : java.util.Optional.empty();
    }

    private static String question(Target target, EarlierTurns earlier) {
        if (target instanceof Target.ByPosition) {
            return earlier.lastListing().isEmpty()
                    ? "Which task do you mean? I haven't shown you a list in this conversation yet: say \"show my tasks\","
                    + " or name the task or give its number."
                    : "The list I showed has " + earlier.lastListing().size() + " tasks. Which one do you mean? Name it"
                    + " or give its number.";
        }
        List<ListedTask> mentioned = earlier.lastMentioned();
        if (mentioned.isEmpty()) {
            return "Which task do you mean? Name it or give its number.";
        }
        return "Which task do you mean: " + mentioned.stream().limit(MOST_NAMED)
                .map(task -> "\"" + task.title() + "\" (task " + task.id() + ")").collect(Collectors.joining(", "))
                + (mentioned.size() > MOST_NAMED ? ", …" : "") + "? Name it or give its number.";
    }
}
