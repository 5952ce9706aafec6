package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Action;
import dev.todochat.llm.offline.Intent.Change;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises requests to complete, delete or update one task, and which task they name. */
final class ChangePhrases {
    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:not|un)\\s*(?:done|completed?|finished)\\b|\\breopen|\\bincomplete\\b|\\buncheck", Phrases.FLAGS);
    private static final List<Pattern> COMPLETE = List.of(
            Pattern.compile("^(?:mark|set|flag)\\s+(.+?)\\s+(?:as\\s+|to\\s+)?(?:done|complete|completed|finished)$",
                    Phrases.FLAGS),
            Pattern.compile("^(?:complete|check\\s+off|tick\\s+off|cross\\s+off|close)\\s+(.+)$", Phrases.FLAGS),
            Pattern.compile("^(?:completed|finished|did)\\s+((?:task\\s*)?#?\\s*\\d+)$", Phrases.FLAGS),
            Pattern.compile("^(?:i\\s*(?:'ve|have|'m|am)?\\s+(?:just\\s+|already\\s+|now\\s+)?"
                    + "(?:finished|completed|did|done\\s+with|through\\s+with)"
                    + "|(?:just\\s+)?(?:done|finished|through)\\s+with)\\s+(.+)$", Phrases.FLAGS),
            Pattern.compile("^(?!(?:what|which|who|how|is|are|anything|everything|all|nothing)\\b)"
                    + "(.+?)\\s+(?:is|are)\\s+(?:now\\s+)?(?:done|finished|complete|completed)$", Phrases.FLAGS));
    /** "delete all tasks", "mark everything as done": the tools change one task per call, so ask for one. */
    private static final Pattern BULK = Pattern.compile("^(?:all|every|everything|each)\\b", Phrases.FLAGS);
    private static final Pattern CLEAR_DESCRIPTION = Pattern.compile("^(?:remove|delete|clear|drop)\\s+(?:the\\s+)?"
            + "(?:description|details|notes?)\\s+(?:of|from)\\s+(.+)$", Phrases.FLAGS);
    private static final Pattern DELETE = Pattern.compile("^(?:delete|remove|drop|erase|discard|cancel|trash|scrap"
            + "|get\\s+rid\\s+of|forget\\s+about|forget)\\s+(.+?)"
            + "(?:\\s+(?:from|off)\\s+(?:my|the)\\s+(?:todo\\s+|to-do\\s+)?(?:list|tasks))?$", Phrases.FLAGS);
    private static final Pattern RENAME = Pattern.compile(
            "^(?:rename|retitle|reword)\\s+(.+?)\\s+(?:to|as|into)\\s+(.+)$", Phrases.FLAGS);
    private static final Pattern SET = Pattern.compile("^(?:change|update|edit|modify|set)\\s+(.+?)(?:\\s+to|\\s*:)\\s+"
            + "(?:say\\s+|read\\s+|be\\s+)?(.+)$", Phrases.FLAGS);
    private static final Pattern ADD_DESCRIPTION = Pattern.compile("^(?:add|set|give)\\s+(?:a\\s+|the\\s+)?"
            + "(?:description|details?|notes?)\\s+(?:to|for|on|of)\\s+(.+?)\\s*:\\s*(.+)$", Phrases.FLAGS);
    private static final Pattern DESCRIPTION_FIELD = Pattern.compile(
            "(?:'s)?\\s*\\b(?:the\\s+)?(?:description|details|notes?)\\b(?:\\s+(?:of|for)\\b)?", Phrases.FLAGS);
    private static final Pattern TITLE_FIELD = Pattern.compile(
            "(?:'s)?\\s*\\b(?:the\\s+)?(?:title|name)\\b(?:\\s+(?:of|for)\\b)?", Phrases.FLAGS);

    private ChangePhrases() {
    }

    static Optional<Intent> parse(String text) {
        ListPhrases.Split split = ListPhrases.splitFollowUp(text);
        return change(split.command()).map(change -> {
            if (change.target() instanceof Target.ByName name) {
                if (BULK.matcher(name.words()).find()) {
                    return new Intent.Help(Intent.Help.Reason.ONE_AT_A_TIME);
                }
                if (TitleMatcher.significant(name.words()).isEmpty()) {
                    return new Intent.Help(Intent.Help.Reason.MISSING_TASK);
                }
            }
            return change.thenShowing(split.thenShow());
        });
    }

    private static Optional<Change> change(String text) {
        Matcher matcher = ADD_DESCRIPTION.matcher(text);
        if (matcher.matches()) {
            return Optional.of(update(matcher.group(1), null, Phrases.content(matcher.group(2))));
        }
        matcher = CLEAR_DESCRIPTION.matcher(text);
        if (matcher.matches()) {
            return Optional.of(update(matcher.group(1), null, ""));
        }
        if (!NEGATED.matcher(text).find()) {
            for (Pattern pattern : COMPLETE) {
                matcher = pattern.matcher(text);
                if (matcher.matches()) {
                    return Optional.of(Change.of(Action.COMPLETE, Target.parse(matcher.group(1))));
                }
            }
        }
        matcher = DELETE.matcher(text);
        if (matcher.matches()) {
            return Optional.of(Change.of(Action.DELETE, Target.parse(matcher.group(1))));
        }
        matcher = RENAME.matcher(text);
        if (!matcher.matches()) {
            matcher = SET.matcher(text);
        }
        return matcher.matches() ? Optional.of(edit(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** "change X to Y": a new description when X names the description, otherwise a new title. */
    private static Change edit(String target, String value) {
        String newValue = Phrases.content(value);
        Matcher description = DESCRIPTION_FIELD.matcher(target);
        if (description.find()) {
            return update(description.replaceFirst(" "), null, newValue);
        }
        return update(TITLE_FIELD.matcher(target).replaceFirst(" "), newValue, null);
    }

    private static Change update(String target, String title, String description) {
        return new Change(Action.UPDATE, Target.parse(target.strip()), title, description, Optional.empty());
    }
}
