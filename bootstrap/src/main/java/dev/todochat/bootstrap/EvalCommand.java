package dev.todochat.bootstrap;

import dev.todochat.bootstrap.eval.EvalCase;
import dev.todochat.bootstrap.eval.EvalCases;
import dev.todochat.bootstrap.eval.Evaluation;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.persistence.PostgresDatabase;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code eval} command: runs an eval set against the configured model (the same {@code OPENAI_*} settings as
 * {@code serve}, else the offline assistant) in a throwaway database, never the user's: an embedded PostgreSQL in a
 * temporary folder, or a new database created (and dropped afterwards) on the server that {@code --database-url} or
 * {@code EVAL_DATABASE_URL} names. {@code DATABASE_URL} is deliberately not read.
 */
final class EvalCommand {
    static final String DATABASE_URL_VARIABLE = "EVAL_DATABASE_URL";
    private static final int POOL_SIZE = 4;

    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Config config, Optional<String> environmentUrl, Command.Eval command) throws IOException {
        List<EvalCase> cases;
        try {
            cases = command.cases().map(EvalCases::fromFile).orElseGet(EvalCases::builtIn);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--cases: " + e.getMessage());
        }
        LanguageModel model = config.openAi().<LanguageModel>map(OpenAiModel::new).orElseGet(OfflineAssistant::new);
        double accuracy;
        try {
            accuracy = evaluate(model, command.databaseUrl().or(() -> environmentUrl), cases);
        } finally {
            if (model instanceof OpenAiModel openAi) {
                openAi.close();
            }
        }
        if (command.minAccuracy().isPresent() && accuracy * 100 < command.minAccuracy().getAsDouble()) {
            err.printf(Locale.ROOT, "todochat: accuracy %.1f %% is below the minimum of %.1f %%%n", accuracy * 100,
                    command.minAccuracy().getAsDouble());
            return Cli.FAILED;
        }
        return Cli.OK;
    }

    private double evaluate(LanguageModel model, Optional<String> serverUrl, List<EvalCase> cases)
            throws IOException {
        double accuracy;
        if (serverUrl.isPresent()) {
            try (PostgresDatabase database = throwaway(serverUrl.get())) {
                accuracy = evaluate(model, database, cases);
            }
        } else {
            Path folder = Files.createTempDirectory("todochat-eval-");
            try (PostgresDatabase database = PostgresDatabase.embedded(folder)) {
                accuracy = evaluate(model, database, cases);
            } finally {
                deleteTree(folder);
            }
        }
        return accuracy;
    }

    private double evaluate(LanguageModel model, PostgresDatabase database, List<EvalCase> cases) {
        err.println("todochat: evaluating " + model.describe() + " on " + cases.size() + " cases in "
                + database.describe());
        database.migrate();
        return Evaluation.run(model, database.storage(), cases, out);
    }

    private static PostgresDatabase throwaway(String url) {
        try {
            return PostgresDatabase.throwaway(url, POOL_SIZE);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the eval database URL: " + e.getMessage());
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("could not remove the eval's temporary database in " + folder, e);
        }
    }
}
