package dev.todochat.llm.offline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which task a change is about: an id the user gave, or the words they used for its title. */
sealed interface Target {
    Pattern FILLER_BEFORE = Pattern.compile(
            "^(?:(?:the|my|a|an|this|that)\\s+)*(?:(?:task|item|todo|entry)\\s+(?:called|named|titled|about|to)\\s+)?",
            Phrases.FLAGS);
    Pattern FILLER_AFTER = Pattern.compile("\\s+(?:task|item|todo|entry|one)$", Phrases.FLAGS);
    Pattern ID = Pattern.compile("^(?:(?:task|item|todo|number|no\\.?|id)\\s*)*#?\\s*(\\d{1,18})$", Phrases.FLAGS);

    record ById(long id) implements Target {
    }

    /** {@code words} as the user wrote them, without filler such as "the" or a trailing "task". */
    record ByName(String words) implements Target {
    }

    /** Reads a phrase such as "task 3", "#3", "the design review" or "the old refactoring task". */
    static Target parse(String phrase) {
        String words = Phrases.content(phrase);
        words = FILLER_AFTER.matcher(FILLER_BEFORE.matcher(words).replaceFirst("")).replaceFirst("");
        Matcher id = ID.matcher(words);
        return id.matches() ? new ById(Long.parseLong(id.group(1))) : new ByName(Phrases.content(words));
    }
}
