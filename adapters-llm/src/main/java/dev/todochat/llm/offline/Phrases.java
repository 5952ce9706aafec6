package dev.todochat.llm.offline;

import java.util.regex.Pattern;

/** Cleans what the user wrote before the rules read it: quotes, spacing, politeness and trailing punctuation. */
final class Phrases {
    /** The flags every rule uses: what people type is matched without regard to case. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern LEADING = Pattern.compile("^(?:"
            + "(?:hey|hi|hello|ok|okay|so|now|also|and|then|well|oh|alright|actually|wait|right|um|hmm|oops|great"
            + "|cool|perfect|thanks|thank\\s+you)\\b[,!.]*\\s*"
            + "|(?:please|pls|kindly)\\b,?\\s*"
            + "|(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?"
            + "|i\\s*(?:'d|would)\\s+like\\s+you\\s+to\\s+|i\\s+want\\s+you\\s+to\\s+"
            + "|(?:i\\s*(?:'d|would)\\s+like|i\\s+want)\\s+to\\s+(?=(?:add|create|see|view|list|delete|remove)\\b)"
            + ")+", FLAGS);
    private static final Pattern TRAILING = Pattern.compile(
            "(?:[\\s,]+(?:please|pls|thanks|thank\\s+you|thx))*[\\s.!?]*$", FLAGS);
    private static final Pattern LIST_PLACE = Pattern.compile("\\s+(?:to|on|in|onto|off)\\s+(?:my|the)\\s+"
            + "(?:todo\\s+|to-do\\s+|task\\s+|shopping\\s+)?(?:list|tasks)$", FLAGS);
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s\"'`:,;-]+|[\\s\"'`:,;.!?-]+$");

    private Phrases() {
    }

    /** The message on one line, with typographic quotes made plain and polite framing removed. */
    static String clean(String message) {
        return TRAILING.matcher(LEADING.matcher(flat(message)).replaceFirst("")).replaceFirst("").strip();
    }

    /** The message on one line with typographic quotes made plain and no end punctuation, nothing else removed. */
    static String flat(String message) {
        String text = message.replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u201C', '"').replace('\u201D', '"')
                .replaceAll("\\s+", " ").strip();
        return text.replaceAll("[\\s.!?]+$", "");
    }

    /** A task title or description as the user meant it: no surrounding quotes, no "to my list" tail. */
    static String content(String text) {
        String stripped = EDGE_PUNCTUATION.matcher(text).replaceAll("");
        return EDGE_PUNCTUATION.matcher(LIST_PLACE.matcher(stripped).replaceFirst("")).replaceAll("");
    }

    /** {@code text} without a trailing "on my list". */
    static String listPlaceRemoved(String text) {
        return LIST_PLACE.matcher(text).replaceFirst("");
    }
}
