package dev.todochat.llm.offline;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about one task ("is the car wash done?", "did I pay the rent?"): answered by looking the task up, never
 * by changing it. Questions about acting ("should I delete …?", "what if I deleted …?") are left to the caller.
 */
final class Questions {
    private static final Pattern ABOUT_ACTING = Pattern.compile("^(?:should|shall|would|could\\s+i|can\\s+i|might"
            + "|what\\s+if|what\\s+would|what\\s+happens|what\\s+will)\\b", Phrases.FLAGS);
    private static final Pattern IS_DONE = Pattern.compile("^(?:is|are|was|were|has|have)\\s+(.+?)\\s+(?:been\\s+)?"
            + "(?:done|finished|complete|completed|sorted|paid|still\\s+open|open|pending|still\\s+on\\s+my\\s+list"
            + "|on\\s+my\\s+list)$", Phrases.FLAGS);
    private static final Pattern DID_I = Pattern.compile("^(?:did|have)\\s+(?:i|we)\\s+(?:already\\s+|ever\\s+|yet\\s+)?"
            + "(\\w+)\\s+(.+?)(?:\\s+(?:yet|already))?$", Phrases.FLAGS);

    private Questions() {
    }

    static Optional<List<Intent>> ask(String text) {
        if (ABOUT_ACTING.matcher(text).find()) {
            return Optional.empty();
        }
        Matcher isDone = IS_DONE.matcher(text);
        if (isDone.matches()) {
            return Optional.of(List.of(new Intent.Ask(Target.parse(isDone.group(1)))));
        }
        Matcher didI = DID_I.matcher(text);
        if (didI.matches()) {
            String verb = WordForms.pastToBase(didI.group(1)).orElse(didI.group(1));
            String object = Phrases.content(didI.group(2));
            return Optional.of(List.of(new Intent.Ask(new Target.ByName(verb + " " + object, object))));
        }
        return Optional.empty();
    }
}
