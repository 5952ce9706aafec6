package dev.todochat.bootstrap.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an eval set: one JSON object per line (blank lines and lines starting with {@code #} are skipped), as in the
 * built-in {@code dev/todochat/eval/cases.jsonl}. A malformed case is refused with its line number, so a user's own
 * set never runs half-read.
 */
public final class EvalCases {
    static final String BUILT_IN = "/dev/todochat/eval/cases.jsonl";
    private static final Set<String> TOOLS = Set.of("add_task", "list_tasks", "complete_task", "delete_task",
            "update_task");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalCases() {
    }

    public static List<EvalCase> builtIn() {
        try (InputStream in = EvalCases.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in eval set " + BUILT_IN + " is missing from the jar");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "the built-in set");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the file cannot be read or a case is malformed */
    public static List<EvalCase> fromFile(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static List<EvalCase> read(BufferedReader reader, String source) throws IOException {
        List<EvalCase> cases = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                cases.add(parse(JSON.readTree(line)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + firstLine(e.getMessage()), e);
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no cases");
        }
        return cases;
    }

    private static EvalCase parse(JsonNode node) {
        String id = text(node, "id");
        List<EvalCase.SetupTask> tasks = new ArrayList<>();
        for (JsonNode task : node.path("tasks")) {
            tasks.add(task.isTextual() ? new EvalCase.SetupTask(task.asText(), null, false)
                    : new EvalCase.SetupTask(text(task, "title"), task.path("description").textValue(),
                    task.path("completed").asBoolean(false)));
        }
        List<String> messages = new ArrayList<>();
        node.path("messages").forEach(message -> messages.add(message.asText()));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " has no messages");
        }
        List<List<EvalCase.ExpectedCall>> alternatives = new ArrayList<>();
        node.path("or_expect").forEach(alternative -> alternatives.add(calls(alternative)));
        List<String> mentions = new ArrayList<>();
        node.path("mentions").forEach(mention -> mentions.add(mention.asText()));
        return new EvalCase(id, text(node, "category"), tasks, messages, calls(node.path("expect")), alternatives,
                mentions);
    }

    private static List<EvalCase.ExpectedCall> calls(JsonNode array) {
        List<EvalCase.ExpectedCall> calls = new ArrayList<>();
        for (JsonNode call : array) {
            String tool = text(call, "tool");
            if (!TOOLS.contains(tool)) {
                throw new IllegalArgumentException("unknown tool '" + tool + "', expected one of " + TOOLS);
            }
            Map<String, Object> args = new LinkedHashMap<>();
            call.path("args").properties().forEach(entry -> args.put(entry.getKey(), value(entry.getValue())));
            calls.add(new EvalCase.ExpectedCall(tool, args));
        }
        return calls;
    }

    private static Object value(JsonNode value) {
        if (value.isArray()) {
            List<String> options = new ArrayList<>();
            value.forEach(option -> options.add(option.asText()));
            return List.copyOf(options);
        }
        return value.isIntegralNumber() ? (Object) value.asLong() : value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }
}
