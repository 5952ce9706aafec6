package dev.todochat.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises requests to add tasks ("add buy milk", "remind me to pay rent", "I've got to call mom") and reads their
 * titles and description. Several items joined by commas and "and" ("add eggs, flour and sugar") are several tasks;
 * a title in quotes is kept whole.
 */
final class AddPhrases {
    private static final Pattern EXPLICIT = Pattern.compile("^(?:(?:add|create|new|put\\s+down|put|insert|jot\\s+down"
            + "|note\\s+down|write\\s+down|note|stick|throw|pop)\\b|reminder\\s*:)\\s*(.*?)(?:\\s+for\\s+me)?$", Phrases.FLAGS);
    private static final Pattern REMIND = Pattern.compile(
            "^remind\\s+me\\b\\s*(?:to|about|that\\s+i\\s+(?:need|have)\\s+to)?\\b\\s*(.*)$", Phrases.FLAGS);
    private static final Pattern IMPLICIT = Pattern.compile("^(?:(?:i\\s+(?:must|need\\s+to|have\\s+to|should)\\s+)?"
            + "remember\\s+to|(?:don't|do\\s+not)\\s+(?:let\\s+me\\s+)?forget\\s+to"
            + "|(?:i|we)\\s+(?:really\\s+|also\\s+|still\\s+)?(?:need|have|must|should|ought|gotta|want)(?:\\s+to)?"
            + "|(?:i|we)\\s*(?:'ve|have)\\s+(?:got|gotta)(?:\\s+to)?|(?:i|we)\\s*'d\\s+better|(?:i|we)\\s*'ll\\s+have\\s+to"
            + "|need\\s+to|have\\s+to|got\\s+to|gotta|must|should|(?:todo|to-do)\\s*:)\\s*(.+)$", Phrases.FLAGS);
    private static final Pattern FRAMING = Pattern.compile("^(?:(?:a|an|the|one|another|new|me)\\s+)*"
            + "(?:(?:task|todo|to-do|item|reminder|entry)s?\\b\\s*)?"
            + "(?:(?:to|on|onto)\\s+(?:my|the)\\s+(?:todo\\s+|to-do\\s+)?list\\b\\s*)?"
            + "(?:(?:to|for|called|named|titled|saying|that\\s+says|about)\\b\\s*|[:-]\\s*)?", Phrases.FLAGS);
    private static final Pattern WITH_DESCRIPTION = Pattern.compile("^(.+?),?\\s+with\\s+(?:the\\s+|a\\s+)?"
            + "(?:description|details?|notes?|info)\\b\\s*(?:of\\b|:|saying\\b|that\\s+says\\b)?\\s*(.+)$",
            Phrases.FLAGS);
    private static final Pattern COLON = Pattern.compile("^(.+?):\\s+(.+)$", Phrases.FLAGS);
    private static final Pattern QUOTED = Pattern.compile("^\"[^\"]+\"$|^'[^']+'$");
    private static final Pattern ITEMS = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s*;\\s*",
            Phrases.FLAGS);

    private AddPhrases() {
    }

    /** An add command that starts with its verb: "add …", "create a task to …", "remind me to …". */
    static Optional<List<Intent>> explicit(String text) {
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
    static Optional<List<Intent>> implicit(String text) {
        Matcher statement = IMPLICIT.matcher(text);
        return statement.matches() ? Optional.of(add(statement.group(1))) : Optional.empty();
    }

    private static List<Intent> add(String rest) {
        String title = rest;
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
        String described = description == null || description.isEmpty() ? null : description;
        List<Intent> adds = new ArrayList<>();
        for (String item : items(Phrases.listPlaceRemoved(title.strip()))) {
            String itemTitle = Phrases.content(item);
            if (!itemTitle.isEmpty()) {
                adds.add(new Intent.Add(itemTitle, described));
            }
        }
        return adds.isEmpty() ? List.of(new Intent.Help(Intent.Help.Reason.MISSING_TITLE)) : adds;
    }

    /** The items of a title: "eggs, flour and sugar" is three; a quoted title or one with a description is one. */
    private static List<String> items(String title) {
        if (QUOTED.matcher(title.strip()).matches()) {
            return List.of(title);
        }
        return List.of(ITEMS.split(title));
    }
}
