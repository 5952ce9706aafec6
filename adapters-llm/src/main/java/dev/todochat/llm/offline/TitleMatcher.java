package dev.todochat.llm.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Finds the tasks a user means by a few words of their title. Both sides are reduced to their significant words
 * (lower case, no punctuation, no articles or filler such as "task", "my", "old", "as done", plurals made singular);
 * then an exact match wins over a title that contains the words (or is contained in them), which wins over the
 * titles that share the most words, at least half of the user's.
 */
final class TitleMatcher {
    private static final Set<String> FILLER = Set.of("a", "an", "the", "my", "our", "your", "this", "that", "task",
            "tasks", "todo", "todos", "item", "items", "entry", "one", "as", "done", "complete", "completed", "old",
            "called", "named", "titled", "thing", "about", "please", "list", "is", "it");

    private TitleMatcher() {
    }

    /** The best-matching tasks, in the order given; empty when none matches well enough. */
    static List<ListedTask> match(String words, List<ListedTask> tasks) {
        List<String> query = significant(words);
        if (query.isEmpty()) {
            return List.of();
        }
        String phrase = String.join(" ", query);
        List<ListedTask> exact = best(tasks,
                task -> String.join(" ", significant(task.title())).equals(phrase) ? 1 : 0);
        if (!exact.isEmpty()) {
            return exact;
        }
        List<ListedTask> containing = best(tasks, task -> contains(significant(task.title()), query) ? 1 : 0);
        if (!containing.isEmpty()) {
            return containing;
        }
        int needed = (query.size() + 1) / 2;
        return best(tasks, task -> {
            int shared = shared(significant(task.title()), query);
            return shared >= needed ? shared : 0;
        });
    }

    /** The tasks with the highest positive score. */
    private static List<ListedTask> best(List<ListedTask> tasks, ToIntFunction<ListedTask> score) {
        int top = tasks.stream().mapToInt(score).max().orElse(0);
        return top == 0 ? List.of() : tasks.stream().filter(task -> score.applyAsInt(task) == top).toList();
    }

    private static boolean contains(List<String> title, List<String> query) {
        String titleText = " " + String.join(" ", title) + " ";
        String queryText = " " + String.join(" ", query) + " ";
        return !title.isEmpty() && (titleText.contains(queryText) || queryText.contains(titleText));
    }

    private static int shared(List<String> title, List<String> query) {
        Set<String> common = new HashSet<>(title);
        common.retainAll(new HashSet<>(query));
        return common.size();
    }

    static List<String> significant(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).replaceAll("'s\\b", "").split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                words.add(word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                        ? word.substring(0, word.length() - 1) : word);
            }
        }
        return words;
    }
}
