package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tasks a change named by words means, given the user's tasks: one task, several ("the slides and the car
 * wash"), or a question (several match; or none does, with the closest titles offered). Never a guess.
 */
record Resolution(List<Long> ids, Optional<String> question) {
    private static final Pattern PARTS = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*",
            Phrases.FLAGS);

    static Resolution of(Change change, Target.ByName name, List<ListedTask> tasks) {
        List<ListedTask> matches = FollowUps.candidates(change, name, tasks);
        if (matches.size() == 1) {
            return new Resolution(List.of(matches.getFirst().id()), Optional.empty());
        }
        if (matches.size() > 1) {
            return asking(Wording.whichOne(change.action(), name.words(), matches));
        }
        String[] parts = PARTS.split(name.words());
        if (parts.length > 1) {
            List<Long> ids = new ArrayList<>();
            for (String part : parts) {
                Target target = Target.parse(part);
                List<ListedTask> found = target instanceof Target.ByName each
                        ? FollowUps.candidates(change, each, tasks) : List.of();
                if (target instanceof Target.ById id) {
                    ids.add(id.id());
                } else if (found.size() == 1) {
                    ids.add(found.getFirst().id());
                } else {
                    return asking(found.isEmpty() ? Wording.noMatch(change.action(), part, tasks)
                            : Wording.whichOne(change.action(), part, found));
                }
            }
            return new Resolution(ids, Optional.empty());
        }
        return asking(Wording.noMatch(change.action(), name.words(), tasks));
    }

    private static Resolution asking(String question) {
        return new Resolution(List.of(), Optional.of(question));
    }
}
