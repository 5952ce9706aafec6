package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Action;
import dev.todochat.llm.offline.Intent.Change;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises requests to complete, delete or update tasks, and which tasks they name. */
final class ChangePhrases {
    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:not|un)\\s*(?:done|completed?|finished)\\b|\\breopen|\\bincomplete\\b|\\buncheck", Phrases.FLAGS);
    /** "delete all tasks", "mark everything as done": the tools change one task per call, so ask for one. */
    private static final Pattern BULK = Pattern.compile("^(?:all|every|everything|each)\\b", Phrases.FLAGS);
    private static final Pattern CLEAR_DESCRIPTION = Pattern.compile("^(?:remove|delete|clear|drop)\\s+(?:the\\s+)?"
            + "(?:description|details|notes?)\\s+(?:of|from)\\s+(.+)$", Phrases.FLAGS);
    private static final List<Pattern> DELETE = List.of(
            Pattern.compile("^(?:delete|remove|drop|erase|discard|cancel|trash|bin|scrap|ditch|axe|nuke"
                    + "|get\\s+rid\\s+of|forget\\s+about|forget|lose)\\s+(.+?)"
                    + "(?:\\s+(?:from|off)\\s+(?:my|the)\\s+(?:todo\\s+|to-do\\s+)?(?:list|tasks))?$", Phrases.FLAGS),
            Pattern.compile("^(?:take|strike|cross|scratch)\\s+(.+?)\\s+off(?:\\s+(?:my|the)\\s+(?:todo\\s+|to-do\\s+)?"
                    + "(?:list|tasks))?$", Phrases.FLAGS),
            Pattern.compile("^(?:i\\s+)?(?:don't|do\\s+not|no\\s+longer)\\s+(?:need|have)\\s+to\\s+(.+?)"
                    + "(?:\\s+(?:any\\s*more|any\\s+longer))$", Phrases.FLAGS),
            Pattern.compile("^(?:i\\s+)?no\\s+longer\\s+(?:need|have)\\s+to\\s+(.+)$", Phrases.FLAGS),
            Pattern.compile("^(?:there's\\s+)?no\\s+need\\s+(?:to|for)\\s+(.+?)(?:\\s+any\\s*more)?$", Phrases.FLAGS));
    private static final List<Pattern> RENAME = List.of(
            Pattern.compile("^(?:rename|retitle|reword)\\s+(.+?)\\s+(?:to|as|into)\\s+(.+?)(?:\\s+instead)?$",
                    Phrases.FLAGS),
            Pattern.compile("^(?:call|name)\\s+(it|that|this|that\\s+one|this\\s+one)\\s+(.+?)(?:\\s+instead)?$",
                    Phrases.FLAGS),
            Pattern.compile("^(.+?)\\s+should\\s+(?:say|read|be\\s+called|be\\s+named|be)\\s+(.+?)(?:\\s+instead)?$",
                    Phrases.FLAGS),
            Pattern.compile("^(?:change|update|edit|modify|set)\\s+(.+?)(?:\\s+to|\\s*:)\\s+"
                    + "(?:say\\s+|read\\s+|be\\s+)?(.+?)(?:\\s+instead)?$", Phrases.FLAGS));
    private static final Pattern ADD_DESCRIPTION = Pattern.compile("^(?:add|set|give|put)\\s+(?:a\\s+|the\\s+)?"
            + "(?:description|details?|notes?|comment)\\s+(?:to|for|on|of)\\s+(.+?)\\s*:\\s*(.+)$", Phrases.FLAGS);
    private static final Pattern DESCRIPTION_FIELD = Pattern.compile(
            "(?:'s)?\\s*\\b(?:the\\s+)?(?:description|details|notes?)\\b(?:\\s+(?:of|for)\\b)?", Phrases.FLAGS);
    private static final Pattern TITLE_FIELD = Pattern.compile(
            "(?:'s)?\\s*\\b(?:the\\s+)?(?:title|name)\\b(?:\\s+(?:of|for)\\b)?", Phrases.FLAGS);

    private ChangePhrases() {
    }

    static Optional<List<Intent>> parse(String text) {
        return change(text).map(change -> {
            if (change.target() instanceof Target.ByName name) {
                List<Long> ids = Target.ids(name.words());
                if (!ids.isEmpty()) {
                    return ids.stream().<Intent>map(id -> change.withTarget(new Target.ById(id))).toList();
                }
                if (BULK.matcher(name.words()).find()) {
                    return List.of(new Intent.Help(Intent.Help.Reason.ONE_AT_A_TIME));
                }
                if (TitleMatcher.significant(name.words()).isEmpty()) {
                    return List.of(new Intent.Help(Intent.Help.Reason.MISSING_TASK));
                }
            }
            return List.of(change);
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
            Optional<Target> done = CompletionPhrases.parse(text);
            if (done.isPresent()) {
                return Optional.of(Change.of(Action.COMPLETE, done.get()));
            }
        }
        for (Pattern pattern : DELETE) {
            matcher = pattern.matcher(text);
            if (matcher.matches()) {
                return Optional.of(Change.of(Action.DELETE, Target.parse(matcher.group(1))));
            }
        }
        for (Pattern pattern : RENAME) {
            matcher = pattern.matcher(text);
            if (matcher.matches()) {
                return Optional.of(edit(matcher.group(1), matcher.group(2)));
            }
        }
        return Optional.empty();
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
        return new Change(Action.UPDATE, Target.parse(target.strip()), title, description);
    }
}
