package dev.todochat.llm.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a task stated as done, in any tense and in passing: "mark X as done", "tick off X", "finished X",
 * "I'm through with X", "X is sorted", "3 is done", and a past tense of the task's own verb: "I called mom",
 * "just paid the rent", "got the tickets".
 */
final class CompletionPhrases {
    private static final String DONE_WORDS = "(?:done|complete|completed|finished|sorted(?:\\s+out)?|taken\\s+care\\s+of"
            + "|dealt\\s+with|handled|paid|out\\s+of\\s+the\\s+way|ticked\\s+off|checked\\s+off|crossed\\s+off|over)";
    private static final String ADVERBS = "(?:(?:just|already|now|finally|all)\\s+)*";
    private static final String SUBJECT = "(?:(?:i|we)\\s*(?:'ve|'m|have|am|are|'re)?\\s+)?";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("^(?:mark|set|flag)\\s+(.+?)\\s+(?:as\\s+|to\\s+)?" + DONE_WORDS + "$", Phrases.FLAGS),
            Pattern.compile("^(?:complete|check\\s+off|tick\\s+off|cross\\s+off|close|tick|check)\\s+(.+?)"
                    + "(?:\\s+off)?(?:\\s+(?:my|the)\\s+(?:todo\\s+|to-do\\s+)?list)?$", Phrases.FLAGS),
            Pattern.compile("^" + SUBJECT + ADVERBS + "(?:finished|completed|done|through|sorted(?:\\s+out)?"
                    + "|dealt\\s+with|taken\\s+care\\s+of|took\\s+care\\s+of|got\\s+through|wrapped\\s+up)"
                    + "(?:\\s+with)?\\s+(.+)$", Phrases.FLAGS),
            Pattern.compile("^(?!(?:what|which|who|how|is|are|was|were|anything|everything|all|nothing)\\b)"
                    + "(.+?)\\s*(?:\\s+is|\\s+are|'s|\\s+has\\s+been|\\s+have\\s+been|\\s+was|\\s+got)\\s+" + ADVERBS
                    + DONE_WORDS + "$", Phrases.FLAGS));
    private static final Pattern PAST_VERB = Pattern.compile("^" + SUBJECT + ADVERBS + "([a-z]+)\\s+(.+)$",
            Phrases.FLAGS);
    /** Past tenses that do not say a task was done. */
    private static final Set<String> NOT_DONE = Set.of("added", "wanted", "needed", "forgot", "decided", "thought",
            "asked", "said", "told", "deleted", "removed", "renamed", "changed", "updated", "listed", "meant",
            "hoped", "planned", "tried", "started", "used", "put", "read", "set", "cut", "left", "missed", "got");

    /** When it was done says nothing about which task: "booked the vet this morning". */
    private static final Pattern WHEN = Pattern.compile("\\s+(?:this\\s+(?:morning|afternoon|evening|week)|today"
            + "|yesterday|earlier(?:\\s+today)?|just\\s+now|last\\s+night|at\\s+last|already|finally)$", Phrases.FLAGS);

    private CompletionPhrases() {
    }

    /** The phrase naming the task that was done, or empty when {@code text} does not say a task was done. */
    static Optional<Target> parse(String said) {
        String text = WHEN.matcher(said).replaceFirst("");
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.matches()) {
                return Optional.of(Target.parse(matcher.group(1)));
            }
        }
        Matcher past = PAST_VERB.matcher(text);
        if (!past.matches()) {
            return Optional.empty();
        }
        String verb = past.group(1).toLowerCase(java.util.Locale.ROOT);
        String object = Phrases.content(past.group(2));
        if (verb.equals("got") && !object.matches("(?i)^to\\b.*")) {
            return Optional.of(new Target.ByName("get " + object, object));
        }
        if (NOT_DONE.contains(verb) || object.matches("(?i)^(?:to|that|if|whether|about)\\b.*")) {
            return Optional.empty();
        }
        return WordForms.pastToBase(verb).map(base -> new Target.ByName(base + " " + object, object));
    }
}
