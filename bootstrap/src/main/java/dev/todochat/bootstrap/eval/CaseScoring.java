package dev.todochat.bootstrap.eval;

import dev.todochat.domain.chat.ToolInvocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores what a conversation did, not how it was worded. Only calls that succeeded count. The changes (adds,
 * completions, deletions, updates) must be exactly the expected ones, in any order; a listing counts when it was
 * expected and is otherwise free, since looking a task up before changing it is what a careful model does.
 */
final class CaseScoring {
    private static final String LIST = "list_tasks";
    private static final Set<String> TEXT_FIELDS = Set.of("title", "description");

    private CaseScoring() {
    }

    /** Why the case failed, or an empty list when it passed. */
    static List<String> problems(EvalCase evalCase, List<ToolInvocation> calls, List<String> answers) {
        List<ToolInvocation> succeeded = calls.stream().filter(call -> !call.result().isError()).toList();
        List<String> best = null;
        for (List<EvalCase.ExpectedCall> expected : evalCase.acceptable()) {
            List<String> problems = compare(expected, succeeded);
            if (best == null || problems.size() < best.size()) {
                best = problems;
            }
        }
        List<String> problems = new ArrayList<>(best);
        String said = normalized(String.join("\n", answers));
        for (String mention : evalCase.mentions()) {
            if (!said.contains(normalized(mention))) {
                problems.add("the answer does not mention \"" + mention + "\"");
            }
        }
        return problems;
    }

    private static List<String> compare(List<EvalCase.ExpectedCall> expected, List<ToolInvocation> calls) {
        List<ToolInvocation> unmatched = new ArrayList<>(calls);
        List<String> problems = new ArrayList<>();
        for (EvalCase.ExpectedCall call : expected) {
            ToolInvocation match = unmatched.stream().filter(actual -> matches(call, actual)).findFirst().orElse(null);
            if (match == null) {
                problems.add("missing " + call.tool() + " " + call.args());
            } else {
                unmatched.remove(match);
            }
        }
        for (ToolInvocation extra : unmatched) {
            if (!extra.tool().equals(LIST)) {
                problems.add("unexpected " + extra.tool() + " " + extra.input());
            }
        }
        return problems;
    }

    private static boolean matches(EvalCase.ExpectedCall expected, ToolInvocation actual) {
        if (!expected.tool().equals(actual.tool())) {
            return false;
        }
        if (expected.tool().equals(LIST)) {
            return expected.args().get("status").equals(actual.result().value().get("status"));
        }
        for (Map.Entry<String, Object> arg : expected.args().entrySet()) {
            if (!accepts(arg.getValue(), actual.input().get(arg.getKey()))) {
                return false;
            }
        }
        return TEXT_FIELDS.stream().noneMatch(field -> !expected.args().containsKey(field)
                && actual.input().get(field) instanceof String text && !text.isBlank());
    }

    private static boolean accepts(Object expected, Object actual) {
        if (expected instanceof List<?> options) {
            return options.stream().anyMatch(option -> accepts(option, actual));
        }
        if (expected instanceof Long number) {
            return actual instanceof Number given && given.longValue() == number;
        }
        return actual != null && normalized(String.valueOf(expected)).equals(normalized(String.valueOf(actual)));
    }

    /** Lower case, single spaces, no quotes or punctuation at the ends. */
    static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\"'\u2018\u2019\u201C\u201D]", "")
                .replaceAll("\\s+", " ").replaceAll("^[\\s.,;:!?]+|[\\s.,;:!?]+$", "");
    }
}
