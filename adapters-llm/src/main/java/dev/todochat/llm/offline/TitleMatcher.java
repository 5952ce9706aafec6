package dev.todochat.llm.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the tasks a user means by a few words of their title. Both sides are reduced to their significant words
 * (lower case, no punctuation, no articles or filler such as "task", "my", "old", "thing", each word in its stem:
 * "called" meets "call", "slides" meets "slide"). Then an exact match wins over a title that holds the words in that
 * order, which wins over a title that holds every one of them in any order. A title that holds only some of them is
 * never taken: it is offered as "did you mean …?" ({@link #closest}).
 */
final class TitleMatcher {
    private static final Set<String> FILLER = Set.of("a", "an", "the", "my", "our", "your", "this", "that", "task",
            "tasks", "todo", "todos", "item", "items", "entry", "one", "as", "done", "complete", "completed", "old",
            "called", "named", "titled", "thing", "about", "please", "list", "is", "it", "to", "for", "of", "on",
            "stuff", "bit");
    private static final int MOST_SUGGESTIONS = 3;

    private TitleMatcher() {
    }

    /** The best-matching tasks, in the order given; empty when none holds every significant word. */
    static List<ListedTask> match(String words, List<ListedTask> tasks) {
        List<String> query = significant(words);
        if (query.isEmpty()) {
            return List.of();
        }
        String phrase = " " + String.join(" ", query) + " ";
        List<ListedTask> exact = tasks.stream().filter(task -> phrase.equals(" " + joined(task) + " ")).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<ListedTask> inOrder = filter(tasks, task -> (" " + joined(task) + " ").contains(phrase));
        if (!inOrder.isEmpty()) {
            return inOrder;
        }
        return filter(tasks, task -> new HashSet<>(significant(task.title())).containsAll(query));
    }

    /** Up to three titles that share the most words with {@code words}, for "did you mean …?". */
    static List<ListedTask> closest(String words, List<ListedTask> tasks) {
        Set<String> query = new HashSet<>(significant(words));
        return tasks.stream()
                .filter(task -> shared(task, query) > 0)
                .sorted(Comparator.comparingInt((ListedTask task) -> shared(task, query)).reversed())
                .limit(MOST_SUGGESTIONS)
                .toList();
    }

    private static int shared(ListedTask task, Set<String> query) {
        Set<String> common = new HashSet<>(significant(task.title()));
        common.retainAll(query);
        return common.size();
    }

    private static List<ListedTask> filter(List<ListedTask> tasks, Predicate<ListedTask> test) {
        return tasks.stream().filter(test).toList();
    }

    private static String joined(ListedTask task) {
        return String.join(" ", significant(task.title()));
    }

    static List<String> significant(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).replaceAll("'s\\b", "").split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                words.add(WordForms.stem(word));
            }
        }
        return words;
    }
}
