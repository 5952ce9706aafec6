package dev.todochat.llm.offline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises requests to add a task ("add buy milk", "remind me to pay rent") and reads title and description. */
final class AddPhrases {
    private static final Pattern EXPLICIT = Pattern.compile(
            "^(?:add|create|new|put|insert|jot\\s+down|note\\s+down|write\\s+down|note)\\b\\s*(.*)$", Phrases.FLAGS);
    private static final Pattern REMIND = Pattern.compile(
            "^remind\\s+me\\b\\s*(?:to|about|that\\s+i\\s+(?:need|have)\\s+to)?\\b\\s*(.*)$", Phrases.FLAGS);
    private static final Pattern IMPLICIT = Pattern.compile("^(?:i\\s+(?:need|have|must|should|ought|gotta)(?:\\s+to)?"
            + "|i\\s*(?:'ve|have)\\s+got\\s+to|(?:don't|do\\s+not)\\s+(?:let\\s+me\\s+)?forget\\s+to"
            + "|(?:i\\s+(?:must|need\\s+to)\\s+)?remember\\s+to|(?:todo|to-do)\\s*:)\\s*(.+)$", Phrases.FLAGS);
    private static final Pattern FRAMING = Pattern.compile("^(?:(?:a|an|the|one|another|new|me)\\s+)*"
            + "(?:(?:task|todo|to-do|item|reminder|entry)s?\\b\\s*)?"
            + "(?:(?:to|on|onto)\\s+(?:my|the)\\s+(?:todo\\s+|to-do\\s+)?list\\b\\s*)?"
            + "(?:(?:to|for|called|named|titled|saying|that\\s+says|about)\\b\\s*|[:-]\\s*)?", Phrases.FLAGS);
    private static final Pattern WITH_DESCRIPTION = Pattern.compile("^(.+?),?\\s+with\\s+(?:the\\s+|a\\s+)?"
            + "(?:description|details?|notes?|info)\\b\\s*(?:of\\b|:|saying\\b|that\\s+says\\b)?\\s*(.+)$",
            Phrases.FLAGS);
    private static final Pattern COLON = Pattern.compile("^(.+?):\\s+(.+)$", Phrases.FLAGS);

    private AddPhrases() {
    }

    /** An add command that starts with its verb: "add …", "create a task to …", "remind me to …". */
    static Optional<Intent> explicit(String text) {
        Matcher remind = REMIND.matcher(text);
        if (remind.matches()) {
            return Optional.of(add(remind.group(1)));
        }
        Matcher verb = EXPLICIT.matcher(text);
        if (!verb.matches()) {
            return Optional.empty();
        }
        return Optional.of(add(FRAMING.matcher(verb.group(1)).replaceFirst("")));
    }

    /** A statement that implies a task: "I need to buy groceries", "don't let me forget to call mom". */
    static Optional<Intent> implicit(String text) {
        Matcher statement = IMPLICIT.matcher(text);
        return statement.matches() ? Optional.of(add(statement.group(1))) : Optional.empty();
    }

    private static Intent add(String rest) {
        ListPhrases.Split split = ListPhrases.splitFollowUp(rest);
        String title = split.command();
        String description = null;
        Matcher detailed = WITH_DESCRIPTION.matcher(title);
        Matcher colon = COLON.matcher(title);
        if (detailed.matches()) {
            title = detailed.group(1);
            description = Phrases.content(detailed.group(2));
        } else if (colon.matches()) {
            title = colon.group(1);
            description = Phrases.content(colon.group(2));
        }
        title = Phrases.content(title);
        if (title.isEmpty()) {
            return new Intent.Help(Intent.Help.Reason.MISSING_TITLE);
        }
        return new Intent.Add(title, description == null || description.isEmpty() ? null : description,
                split.thenShow());
    }
}
