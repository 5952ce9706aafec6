package dev.todochat.bootstrap.eval;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.Storage;

import java.io.PrintStream;
import java.util.List;

/**
 * Measures how well a model uses the task tools: runs an eval set against it on the given storage (which should be
 * a throwaway database: every case adds users and tasks), prints the report and answers the accuracy, 0 to 1.
 */
public final class Evaluation {
    private Evaluation() {
    }

    public static double run(LanguageModel model, Storage storage, List<EvalCase> cases, PrintStream out) {
        MeteredModel metered = new MeteredModel(model);
        TodoChat chat = TodoChat.builder().storage(storage).model(metered).build();
        List<EvalRunner.CaseResult> results = new EvalRunner(chat).run(cases);
        EvalReport report = new EvalReport(results, metered.meter(), model.describe());
        report.print(out);
        return report.accuracy();
    }
}
