package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Help;
import dev.todochat.llm.offline.Intent.Help.Reason;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the user wrote as one {@link Intent}. The rules run in a fixed order and the first that recognises the
 * message wins: small talk, changes to one task, explicit adds, listings, implied adds ("I need to …"), and a bare
 * id answering the assistant's "which one?" question. Anything else gets the help answer.
 */
final class IntentParser {
    private static final Pattern GREETING = Pattern.compile("^(?:hi|hello|hey|hiya|howdy|yo"
            + "|good\\s+(?:morning|afternoon|evening))(?:\\s+there)?[\\s,!.]*$", Phrases.FLAGS);
    private static final Pattern THANKS = Pattern.compile("^(?:thanks|thank\\s+you|thx|cheers|great|perfect|awesome"
            + "|cool|nice)(?:\\s+(?:a\\s+lot|so\\s+much|very\\s+much))?[\\s,!.]*$", Phrases.FLAGS);
    private static final Pattern HELP = Pattern.compile("^(?:help(?:\\s+me)?|what\\s+can\\s+you\\s+do"
            + "|how\\s+does\\s+(?:this|it)\\s+work|what\\s+do\\s+you\\s+understand|what\\s+are\\s+the\\s+commands)$",
            Phrases.FLAGS);
    private static final Pattern SELECTION = Pattern.compile(
            "^(?:(?:the\\s+)?(?:task|number|id|no\\.?)\\s*)?#?\\s*(\\d{1,18})$", Phrases.FLAGS);

    private IntentParser() {
    }

    /**
     * @param message  the newest user message
     * @param previous the user message before it, if the history shows one
     */
    static Intent parse(String message, Optional<String> previous) {
        if (GREETING.matcher(message.strip()).matches()) {
            return new Help(Reason.GREETING);
        }
        String text = Phrases.clean(message);
        if (THANKS.matcher(text).matches()) {
            return new Help(Reason.THANKS);
        }
        if (HELP.matcher(text).matches()) {
            return new Help(Reason.ASKED);
        }
        return ChangePhrases.parse(text)
                .or(() -> AddPhrases.explicit(text))
                .or(() -> ListPhrases.request(text).map(Intent.Show::new))
                .or(() -> AddPhrases.implicit(text))
                .or(() -> selection(text, previous))
                .orElse(new Help(Reason.NOT_UNDERSTOOD));
    }

    /** "task 3" right after the assistant asked which task a change meant: that change, for task 3. */
    private static Optional<Intent> selection(String text, Optional<String> previous) {
        Matcher id = SELECTION.matcher(text);
        if (!id.matches() || previous.isEmpty()) {
            return Optional.empty();
        }
        if (parse(previous.get(), Optional.empty()) instanceof Intent.Change change
                && change.target() instanceof Target.ByName) {
            return Optional.of(change.withTarget(new Target.ById(Long.parseLong(id.group(1)))));
        }
        return Optional.empty();
    }
}
