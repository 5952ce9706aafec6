package dev.todochat.llm.offline;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which task a change is about: a task number, words of its title, a place in the last listing ("the second one"),
 * or the task the conversation last mentioned ("it", "that one"). The last two are settled against the conversation
 * ({@link EarlierTurns}) before anything is planned.
 */
sealed interface Target {
    Pattern FILLER_BEFORE = Pattern.compile(
            "^(?:(?:the|my|a|an|this|that)\\s+)*(?:(?:task|item|todo|entry)\\s+(?:called|named|titled|about|to)\\s+)?",
            Phrases.FLAGS);
    Pattern FILLER_AFTER = Pattern.compile("\\s+(?:task|item|todo|entry|one|thing)$", Phrases.FLAGS);
    Pattern ID = Pattern.compile("^(?:(?:task|item|todo|number|no\\.?|id)\\s*)*#?\\s*(\\d{1,18})$", Phrases.FLAGS);
    Pattern MENTIONED = Pattern.compile("^(?:it|that|this|that\\s+one|this\\s+one|the\\s+one\\s+i\\s+just\\s+added"
            + "|the\\s+(?:same|last)\\s+(?:task|one)\\s+i\\s+(?:added|mentioned))$", Phrases.FLAGS);
    Pattern POSITION = Pattern.compile("^(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
            + "|last|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)(?:\\s+(?:one|task|item|todo))?$", Phrases.FLAGS);
    Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10));

    record ById(long id) implements Target {
    }

    /**
     * {@code words} as the user wrote them, without filler such as "the" or a trailing "task"; {@code fallback}, when
     * not null, is tried when the words match nothing (for "called mom": "call mom", then "mom").
     */
    record ByName(String words, String fallback) implements Target {
        ByName(String words) {
            this(words, null);
        }
    }

    /** The task at {@code position} (from 1; {@link #LAST} for the last) of the listing the user last saw. */
    record ByPosition(int position) implements Target {
        static final int LAST = -1;
    }

    /** "It", "that one": the task the conversation last mentioned. */
    record Mentioned() implements Target {
    }

    /** Reads a phrase such as "task 3", "#3", "the design review", "the second one" or "it". */
    static Target parse(String phrase) {
        String content = Phrases.content(phrase);
        if (MENTIONED.matcher(content).matches()) {
            return new Mentioned();
        }
        Matcher position = POSITION.matcher(content);
        if (position.matches()) {
            String ordinal = position.group(1).toLowerCase(java.util.Locale.ROOT);
            return new ByPosition(ordinal.equals("last") ? ByPosition.LAST
                    : ORDINALS.containsKey(ordinal) ? ORDINALS.get(ordinal) : digits(ordinal));
        }
        String words = FILLER_AFTER.matcher(FILLER_BEFORE.matcher(content).replaceFirst("")).replaceFirst("");
        Matcher id = ID.matcher(words);
        return id.matches() ? new ById(Long.parseLong(id.group(1))) : new ByName(Phrases.content(words));
    }

    /** "task 1 and task 3", "1, 2 and 4": several task numbers; empty when the phrase is anything else. */
    static List<Long> ids(String phrase) {
        String[] parts = phrase.split("\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)\\s*");
        if (parts.length < 2) {
            return List.of();
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (String part : parts) {
            if (!(parse(part) instanceof ById id)) {
                return List.of();
            }
            ids.add(id.id());
        }
        return ids;
    }

    private static int digits(String ordinal) {
        return Integer.parseInt(ordinal.replaceAll("\\D", ""));
    }
}
