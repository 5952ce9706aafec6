package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Help;
import dev.todochat.llm.offline.Intent.Help.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the user wrote as the {@link Intent}s it holds. In order: small talk; an answer to the assistant's
 * question in the previous turn ("the second one", "never mind", "yes"); "what did I just add?"; questions and
 * negations, which change nothing; then each line, and each clause of a line ("add X and show all", "mark 1 as done
 * and delete 2"), is read as changes, adds, listings or implied adds, and a bare item is offered as a task. References
 * to the conversation ("it", "the second one") are settled by {@link References}.
 */
final class IntentParser {
    private static final Pattern RECALL = Pattern.compile("^what\\s+(?:did|have)\\s+(?:i|we|you)\\s+just\\s+\\w+.*$"
            + "|^what\\s+did\\s+(?:i|we|you)\\s+(?:add|do|say|ask|change|put)\\b.*$"
            + "|^what\\s+was\\s+(?:that|the\\s+last\\s+(?:one|task))$", Phrases.FLAGS);
    private static final Pattern CLAUSE_BREAK = Pattern.compile("\\s*[,;]\\s*(?:and\\s+)?(?:then\\s+)?(?:also\\s+)?"
            + "|\\s+(?:and\\s+then|and\\s+also|then|and|also|plus)\\s+", Phrases.FLAGS);
    private static final Pattern COMMAND_START = Pattern.compile("^(?:please\\s+)?(?:add|create|put|remind|mark"
            + "|complete|tick|check|cross|delete|remove|drop|bin|scrap|forget|rename|change|update|show|list|display"
            + "|give\\s+me|tell\\s+me|what|set|take|get\\s+rid|i\\s+(?:need|have|must|should|also)|new\\s+task"
            + "|note|jot|ditch|cancel)\\b", Phrases.FLAGS);
    private static final Pattern YES = Pattern.compile("^(?:yes|yeah|yep|yup|sure|ok|okay|please\\s+do|do\\s+it"
            + "|go\\s+ahead|add\\s+it|yes\\s+please|sure\\s+thing)$", Phrases.FLAGS);
    private static final Pattern BARE_ITEM = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}'&/.\\- ]{0,60}$");
    private static final Pattern NOT_AN_ITEM = Pattern.compile("^(?:i|i'm|im|you|we|it|is|are|what|why|how|who"
            + "|when|where|can|could|would|should|do|does|did|yes|no|ok|okay|the|a|an|this|that|please|mark|complete"
            + "|delete|remove|rename|change|update|show|list|tick|check|set|add|make|let|tell|give|undo|reopen)\\b",
            Phrases.FLAGS);
    private static final int MOST_ITEM_WORDS = 5;

    private IntentParser() {
    }

    static List<Intent> parse(String message, EarlierTurns earlier) {
        String flat = Phrases.flat(message);
        String text = Phrases.clean(message);
        Optional<Reason> smallTalk = SmallTalk.of(flat, text);
        if (smallTalk.isPresent()) {
            return List.of(new Help(smallTalk.get()));
        }
        Optional<List<Intent>> answer = FollowUps.answer(text, earlier);
        if (answer.isPresent()) {
            return answer.get();
        }
        if (RECALL.matcher(text).matches()) {
            return List.of(new Intent.Recall());
        }
        List<String> lines = message.lines().map(Phrases::clean).filter(line -> !line.isEmpty()).toList();
        if (lines.size() > 1) {
            List<Intent> intents = new ArrayList<>();
            for (String line : lines) {
                List<Intent> read = line(line);
                intents.addAll(read.size() == 1 && (read.getFirst() instanceof Intent.Offer
                        || read.getFirst() instanceof Help) ? List.of(new Intent.Add(Phrases.content(line), null))
                        : read);
            }
            return References.settle(intents, earlier);
        }
        return References.settle(line(text), earlier);
    }

    /** One line: a question or negation changes nothing; otherwise its clauses, or the line as a whole. */
    static List<Intent> line(String text) {
        if (SmallTalk.asksAQuestion(text) || SmallTalk.negates(text)) {
            return ListPhrases.request(text).<List<Intent>>map(filter -> List.of(new Intent.Show(filter)))
                    .or(() -> Questions.ask(text))
                    .orElse(List.of(new Help(Reason.LEFT_ALONE)));
        }
        Matcher breaks = CLAUSE_BREAK.matcher(text);
        while (breaks.find()) {
            String right = text.substring(breaks.end());
            if (breaks.start() > 0 && COMMAND_START.matcher(right).find()) {
                List<Intent> first = clause(text.substring(0, breaks.start()));
                List<Intent> rest = line(right);
                if (actionable(first) && actionable(rest)) {
                    List<Intent> both = new ArrayList<>(first);
                    both.addAll(rest);
                    return both;
                }
            }
        }
        return clause(text);
    }

    private static List<Intent> clause(String text) {
        return ChangePhrases.parse(text)
                .or(() -> AddPhrases.explicit(text))
                .or(() -> ListPhrases.request(text).map(filter -> List.of(new Intent.Show(filter))))
                .or(() -> AddPhrases.implicit(text))
                .or(() -> bareItem(text))
                .orElse(List.of(new Help(Reason.NOT_UNDERSTOOD)));
    }

    /** "Oat milk" on its own: probably a task, but not certainly, so it is offered, not added. */
    private static Optional<List<Intent>> bareItem(String text) {
        if (BARE_ITEM.matcher(text).matches() && !NOT_AN_ITEM.matcher(text).find()
                && text.split("\\s+").length <= MOST_ITEM_WORDS) {
            return Optional.of(List.of(new Intent.Offer(Phrases.content(text))));
        }
        return Optional.empty();
    }

    static boolean saysYes(String text) {
        return YES.matcher(text).matches();
    }

    private static boolean actionable(List<Intent> intents) {
        return intents.stream().noneMatch(intent -> intent instanceof Help || intent instanceof Intent.Offer);
    }
}
