package dev.todochat.llm.offline;

import dev.todochat.domain.TaskFilter;

import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises requests to see tasks ("what is still open?") and which tasks they mean. */
final class ListPhrases {
    private static final Pattern QUESTION = Pattern.compile("^(?:show|list|display|view|see|print|give|tell"
            + "|let\\s+me\\s+see|let's\\s+see|can\\s+i\\s+see"
            + "|i\\s*(?:want|need|would\\s+like|'d\\s+like)\\s+to\\s+(?:see|know|view|check)"
            + "|what|what's|whats|which|how\\s+many|do\\s+i\\s+have|is\\s+there|are\\s+there|anything)\\b",
            Phrases.FLAGS);
    private static final Pattern SUBJECT = Pattern.compile("\\b(?:tasks?|todos?|to-dos?|list|items|agenda|plate"
            + "|everything|all|them|pending|open|remaining|left|outstanding|unfinished|incomplete|completed?|finished"
            + "|done|closed|to\\s+do|ticked\\s+off|checked\\s+off|crossed\\s+off)\\b", Phrases.FLAGS);
    private static final Pattern BARE = Pattern.compile("^(?:(?:my|the|all|pending|open|completed|finished|done)\\s+)*"
            + "(?:tasks|todos|to-dos|(?:todo|to-do)\\s+list|list)$|^show$", Phrases.FLAGS);
    private static final Pattern PENDING = Pattern.compile("\\b(?:not\\s+(?:yet\\s+)?(?:done|finished|completed?)"
            + "|unfinished|incomplete|undone|open|pending|left|remaining|outstanding|still|active"
            + "|(?:have|need|got)\\s+to\\s+do)\\b", Phrases.FLAGS);
    private static final Pattern COMPLETED = Pattern.compile(
            "\\b(?:completed?|finished|done|closed|accomplished|ticked|checked)\\b", Phrases.FLAGS);

    private ListPhrases() {
    }

    /** The tasks a request to see tasks means, or empty when {@code text} is not such a request. */
    static Optional<TaskFilter> request(String text) {
        boolean asks = QUESTION.matcher(text).find() && SUBJECT.matcher(text).find();
        return asks || BARE.matcher(text).matches() ? Optional.of(filter(text)) : Optional.empty();
    }

    private static TaskFilter filter(String text) {
        if (PENDING.matcher(text).find()) {
            return TaskFilter.PENDING;
        }
        return COMPLETED.matcher(text).find() ? TaskFilter.COMPLETED : TaskFilter.ALL;
    }
}
