package dev.todochat.llm.offline;

import dev.todochat.llm.offline.Intent.Help.Reason;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Messages that ask nothing of the tools: greetings, thanks, goodbyes, "what can you do?", "never mind", and
 * questions or negations that must change nothing ("should I delete …?", "don't remove …", "I haven't finished …").
 */
final class SmallTalk {
    private static final Pattern GREETING = Pattern.compile("^(?:hi|hello|hey|hiya|howdy|yo|morning|evening"
            + "|good\\s+(?:morning|afternoon|evening|day))(?:\\s+there)?[\\s,!.]*$", Phrases.FLAGS);
    private static final String THANKS_WORD = "(?:thanks|thank\\s+you|thx|ty|cheers|ta|great|perfect|awesome|cool|nice"
            + "|lovely|brilliant|excellent|wonderful|super|ok|okay|alright|good|got\\s+it|sounds\\s+good|that's\\s+great"
            + "|a\\s+lot|so\\s+much|very\\s+much|much\\s+appreciated)";
    private static final Pattern THANKS = Pattern.compile("^" + THANKS_WORD + "(?:[\\s,!.]+" + THANKS_WORD + ")*"
            + "[\\s,!.]*$", Phrases.FLAGS);
    private static final Pattern GOODBYE = Pattern.compile("^(?:(?:ok(?:ay)?|thanks|great)[,!.]?\\s+)?(?:bye|goodbye"
            + "|good\\s+night|night|see\\s+you|see\\s+ya|later|cya|ttyl|that's\\s+all|that's\\s+it|that\\s+is\\s+all"
            + "|i'm\\s+done\\s+for\\s+(?:now|today)|talk\\s+later)\\b.*$", Phrases.FLAGS);
    private static final Pattern HELP = Pattern.compile("^(?:help(?:\\s+me)?|what\\s+can\\s+you\\s+do|who\\s+are\\s+you"
            + "|what\\s+are\\s+you|how\\s+does\\s+(?:this|it)\\s+work|what\\s+do\\s+you\\s+understand"
            + "|what\\s+are\\s+the\\s+commands|how\\s+do\\s+i\\s+use\\s+(?:this|you))$", Phrases.FLAGS);
    private static final Pattern CANCEL = Pattern.compile("^(?:never\\s*mind|nevermind|no|nope|nah|cancel|forget\\s+it"
            + "|leave\\s+it|neither|none|none\\s+of\\s+them|nothing|no\\s+thanks|not\\s+now|skip\\s+it|don't)$",
            Phrases.FLAGS);
    /** Questions about acting, not requests to act. */
    private static final Pattern QUESTION = Pattern.compile("^(?:should|shall|would|could\\s+i|can\\s+i|might"
            + "|what\\s+if|what\\s+would|what\\s+happens|what\\s+will|is|are|was|were|did|do\\s+i|does|have\\s+i|has"
            + "|am\\s+i|will|why|when)\\b", Phrases.FLAGS);
    private static final Pattern NEGATION = Pattern.compile("\\b(?:don't|dont|do\\s+not|never|doesn't|didn't|haven't"
            + "|hasn't|havent|isn't|aren't|wasn't|not\\s+yet|won't|shouldn't|mustn't|no\\s+way"
            + "|not\\s+(?:done|finished|completed?)|undo|reopen|uncheck|untick)\\b", Phrases.FLAGS);
    /** Negations that still ask for something: "don't let me forget to …", "I don't need to … anymore". */
    private static final Pattern POSITIVE_NEGATION = Pattern.compile("^(?:don't|do\\s+not)\\s+(?:let\\s+me\\s+)?forget"
            + "|\\b(?:don't|do\\s+not|no\\s+longer)\\s+(?:need|have)\\s+to\\b.*\\b(?:any\\s*more|any\\s+longer)$"
            + "|^(?:i\\s+)?no\\s+longer\\s+(?:need|have)\\s+to\\b", Phrases.FLAGS);

    private SmallTalk() {
    }

    /**
     * What the message says when it is small talk; empty otherwise.
     *
     * @param flat  the message with only its spacing and end punctuation tidied ({@link Phrases#flat})
     * @param clean the message without polite framing ({@link Phrases#clean})
     */
    static Optional<Reason> of(String flat, String clean) {
        for (String text : new String[] {flat, clean}) {
            if (GREETING.matcher(text).matches()) {
                return Optional.of(Reason.GREETING);
            }
            if (THANKS.matcher(text).matches()) {
                return Optional.of(Reason.THANKS);
            }
            if (GOODBYE.matcher(text).matches()) {
                return Optional.of(Reason.GOODBYE);
            }
            if (HELP.matcher(text).matches()) {
                return Optional.of(Reason.ASKED);
            }
        }
        return Optional.empty();
    }

    static boolean cancels(String text) {
        return CANCEL.matcher(text).matches();
    }

    static boolean asksAQuestion(String text) {
        return QUESTION.matcher(text).find();
    }

    /** Whether the message says not to do something, or that something was not done. */
    static boolean negates(String text) {
        return NEGATION.matcher(text).find() && !POSITIVE_NEGATION.matcher(text).find();
    }
}
