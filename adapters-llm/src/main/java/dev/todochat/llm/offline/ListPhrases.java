package dev.todochat.llm.offline;

import dev.todochat.domain.TaskFilter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises requests to see tasks ("what is still open?") and which tasks they mean. */
final class ListPhrases {
    private static final Pattern QUESTION = Pattern.compile("^(?:show|list|display|view|see|print|give|tell"
            + "|let\\s+me\\s+see|let's\\s+see|can\\s+i\\s+see"
            + "|i\\s*(?:want|need|would\\s+like|'d\\s+like)\\s+to\\s+(?:see|know|view|check)"
            + "|what|what's|whats|which|how\\s+many|do\\s+i\\s+have|is\\s+there|are\\s+there|anything)\\b",
            Phrases.FLAGS);
    private static final Pattern COMMAND = Pattern.compile(
            "^(?:show|list|display|print|give\\s+me|tell\\s+me|let\\s+me\\s+see)\\b", Phrases.FLAGS);
    private static final Pattern SUBJECT = Pattern.compile("\\b(?:tasks?|todos?|to-dos?|list|items|agenda|plate"
            + "|everything|all|them|pending|open|remaining|left|outstanding|unfinished|incomplete|completed?|finished"
            + "|done|closed|to\\s+do)\\b", Phrases.FLAGS);
    private static final Pattern BARE = Pattern.compile("^(?:(?:my|the|all|pending|open|completed|finished|done)\\s+)*"
            + "(?:tasks|todos|to-dos|(?:todo|to-do)\\s+list|list)$|^show$", Phrases.FLAGS);
    private static final Pattern PENDING = Pattern.compile("\\b(?:not\\s+(?:yet\\s+)?(?:done|finished|completed?)"
            + "|unfinished|incomplete|undone|open|pending|left|remaining|outstanding|still|active"
            + "|(?:have|need|got)\\s+to\\s+do)\\b", Phrases.FLAGS);
    private static final Pattern COMPLETED = Pattern.compile(
            "\\b(?:completed?|finished|done|closed|accomplished|ticked|checked)\\b", Phrases.FLAGS);
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "^(.*\\S)\\s*(?:\\band\\b|\\bthen\\b|&|,)\\s+(?:then\\s+|also\\s+)?(.+)$", Phrases.FLAGS);

    private ListPhrases() {
    }

    /** The tasks a request to see tasks means, or empty when {@code text} is not such a request. */
    static Optional<TaskFilter> request(String text) {
        boolean asks = QUESTION.matcher(text).find() && SUBJECT.matcher(text).find();
        return asks || BARE.matcher(text).matches() ? Optional.of(filter(text)) : Optional.empty();
    }

    /**
     * Splits off a trailing "and show all" from a command, so that one reply can do both.
     *
     * @return the command without its tail, and what the tail asks to see (empty: no such tail)
     */
    static Split splitFollowUp(String text) {
        Matcher matcher = FOLLOW_UP.matcher(text);
        if (matcher.matches() && COMMAND.matcher(matcher.group(2)).find()) {
            Optional<TaskFilter> shown = request(matcher.group(2));
            if (shown.isPresent()) {
                return new Split(matcher.group(1), shown);
            }
        }
        return new Split(text, Optional.empty());
    }

    private static TaskFilter filter(String text) {
        if (PENDING.matcher(text).find()) {
            return TaskFilter.PENDING;
        }
        return COMPLETED.matcher(text).find() ? TaskFilter.COMPLETED : TaskFilter.ALL;
    }

    /** A command and the listing asked for after it. */
    record Split(String command, Optional<TaskFilter> thenShow) {
    }
}
