package dev.todochat.llm.offline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms of a word that should meet when a user's words are matched with a title: "called" and "call",
 * "paid" and "pay", "slides" and "slide". A light stem (no dictionary beyond the common irregular verbs), applied to
 * both sides, so it only has to be consistent, not correct.
 */
final class WordForms {
    /** Irregular past tenses of verbs people put on to-do lists. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("paid", "pay"), Map.entry("got", "get"), Map.entry("bought", "buy"), Map.entry("did", "do"),
            Map.entry("done", "do"), Map.entry("sent", "send"), Map.entry("made", "make"), Map.entry("went", "go"),
            Map.entry("took", "take"), Map.entry("taken", "take"), Map.entry("wrote", "write"),
            Map.entry("written", "write"), Map.entry("met", "meet"), Map.entry("gave", "give"),
            Map.entry("given", "give"), Map.entry("found", "find"), Map.entry("sold", "sell"),
            Map.entry("told", "tell"), Map.entry("had", "have"), Map.entry("ran", "run"), Map.entry("fed", "feed"),
            Map.entry("brought", "bring"), Map.entry("caught", "catch"), Map.entry("kept", "keep"),
            Map.entry("spent", "spend"), Map.entry("built", "build"), Map.entry("drove", "drive"),
            Map.entry("ate", "eat"), Map.entry("swept", "sweep"), Map.entry("hung", "hang"), Map.entry("put", "put"),
            Map.entry("read", "read"), Map.entry("set", "set"), Map.entry("cut", "cut"), Map.entry("left", "leave"),
            Map.entry("rang", "ring"), Map.entry("wore", "wear"), Map.entry("threw", "throw"),
            Map.entry("picked", "pick"), Map.entry("chose", "choose"), Map.entry("began", "begin"),
            Map.entry("lent", "lend"), Map.entry("sorted", "sort"));
    /** Past forms that end in -ed but are not verbs someone did ("need", "bed"): too short to carry a suffix. */
    private static final int SHORTEST_SUFFIXED = 5;
    private static final Pattern PAST = Pattern.compile("^[a-z]{3,}ed$");
    private static final Set<String> NOT_PAST = Set.of("need", "red", "bed", "shed", "seed", "speed", "feed",
            "weed", "breed", "hundred", "bled", "wed", "fled", "sled", "embed");

    private WordForms() {
    }

    /** The form both sides are compared in. */
    static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) {
            lower = irregular;
        }
        if (lower.length() >= SHORTEST_SUFFIXED && !NOT_PAST.contains(lower)) {
            if (lower.endsWith("ies")) {
                return lower.substring(0, lower.length() - 3) + "y";
            }
            for (String suffix : new String[] {"ing", "ed", "es", "s", "e"}) {
                if (lower.endsWith(suffix) && !lower.endsWith("ss") && lower.length() - suffix.length() >= 3) {
                    return undouble(lower.substring(0, lower.length() - suffix.length()));
                }
            }
        }
        return lower.endsWith("e") && lower.length() > 3 ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The verb "called" is the past of, when {@code word} reads as a past tense: "called" → "call", "paid" → "pay". */
    static Optional<String> pastToBase(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (IRREGULAR.containsKey(lower) && !lower.equals("done")) {
            return Optional.of(IRREGULAR.get(lower));
        }
        if (PAST.matcher(lower).matches() && !NOT_PAST.contains(lower)) {
            String base = lower.substring(0, lower.length() - 2);
            return Optional.of(lower.endsWith("ied") ? lower.substring(0, lower.length() - 3) + "y" : undouble(base));
        }
        return Optional.empty();
    }

    private static String undouble(String stem) {
        int n = stem.length();
        return n >= 4 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdgmnprt".indexOf(stem.charAt(n - 1)) >= 0
                ? stem.substring(0, n - 1) : stem;
    }
}
