package dev.todochat.bootstrap.eval;

import dev.todochat.domain.chat.ToolInvocation;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints an eval's outcome: accuracy per category and overall, each failed case with what happened, the model's cost. */
final class EvalReport {
    private final List<EvalRunner.CaseResult> results;
    private final MeteredModel.Meter meter;
    private final String model;

    EvalReport(List<EvalRunner.CaseResult> results, MeteredModel.Meter meter, String model) {
        this.results = List.copyOf(results);
        this.meter = meter;
        this.model = model;
    }

    /** The share of cases passed, 0 to 1. */
    double accuracy() {
        return results.isEmpty() ? 0 : (double) results.stream().filter(EvalRunner.CaseResult::passed).count()
                / results.size();
    }

    void print(PrintStream out) {
        out.println("Eval of " + model + ": " + results.size() + " cases");
        out.println();
        Map<String, List<EvalRunner.CaseResult>> byCategory = results.stream().collect(Collectors.groupingBy(
                result -> result.evalCase().category(), LinkedHashMap::new, Collectors.toList()));
        int width = byCategory.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        byCategory.forEach((category, cases) -> out.println(line(category, cases, width)));
        out.println(line("overall", results, width));
        List<EvalRunner.CaseResult> failed = results.stream().filter(result -> !result.passed()).toList();
        if (!failed.isEmpty()) {
            out.println();
            out.println("Failed cases:");
            failed.forEach(result -> printFailure(out, result));
        }
        out.println();
        out.printf(Locale.ROOT, "Model: %d calls, average latency %.1f ms, average tokens %.1f per call"
                        + " (%d in, %d out in total)%n", meter.calls(), meter.averageMillis(), meter.averageTokens(),
                meter.inputTokens(), meter.outputTokens());
    }

    private static String line(String name, List<EvalRunner.CaseResult> cases, int width) {
        long passed = cases.stream().filter(EvalRunner.CaseResult::passed).count();
        return String.format(Locale.ROOT, "  %-" + width + "s %3d/%-3d %6.1f %%", name, passed, cases.size(),
                100.0 * passed / cases.size());
    }

    private static void printFailure(PrintStream out, EvalRunner.CaseResult result) {
        EvalCase evalCase = result.evalCase();
        out.println("- " + evalCase.id() + " (" + evalCase.category() + ")");
        evalCase.messages().forEach(message -> out.println("    user: " + oneLine(message)));
        out.println("    did:  " + (result.calls().isEmpty() ? "no tool calls" : result.calls().stream()
                .map(EvalReport::describe).collect(Collectors.joining(", "))));
        if (!result.answers().isEmpty()) {
            out.println("    said: " + oneLine(result.answers().getLast()));
        }
        result.problems().forEach(problem -> out.println("    why:  " + problem));
    }

    private static String describe(ToolInvocation call) {
        return call.tool() + call.input() + (call.result().isError() ? " (error)" : "");
    }

    private static String oneLine(String text) {
        String flat = text.replace("\n", " / ");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
