package dev.todochat.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile as far as a test needs them: lines joined at a trailing backslash, comments
 * dropped, exec-form ({@code ["a", "b"]}) arguments read as JSON, {@code ENV key=value ...} pairs.
 */
final class Dockerfile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    /** One instruction: its keyword in capitals and the rest of its (joined) line. */
    record Instruction(String keyword, String arguments) {
    }

    private final List<Instruction> instructions;

    private Dockerfile(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String raw : text.split("\n")) {
            String stripped = raw.strip();
            if (line.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                line.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            line.append(stripped);
            String joined = line.toString();
            int space = joined.indexOf(' ');
            instructions.add(new Instruction(joined.substring(0, space).toUpperCase(Locale.ROOT),
                    joined.substring(space + 1).strip()));
            line.setLength(0);
        }
        return new Dockerfile(instructions);
    }

    /** The arguments of the last {@code keyword} instruction (the one that counts), or fails if there is none. */
    String last(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword))
                .reduce((first, second) -> second).map(Instruction::arguments)
                .orElseThrow(() -> new AssertionError("the Dockerfile has no " + keyword));
    }

    /** The exec-form arguments of the last {@code keyword} ({@code ENTRYPOINT}, {@code CMD}). */
    List<String> execForm(String keyword) {
        return json(last(keyword));
    }

    /** The exec-form command of {@code HEALTHCHECK [options] CMD [...]}. */
    List<String> healthCheck() {
        String arguments = last("HEALTHCHECK");
        return json(arguments.substring(arguments.indexOf("CMD ") + "CMD ".length()));
    }

    /** Every {@code ENV} variable, in order, later ones winning. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        instructions.stream().filter(instruction -> instruction.keyword().equals("ENV")).forEach(instruction -> {
            Matcher pair = ENV_PAIR.matcher(instruction.arguments());
            while (pair.find()) {
                env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
            }
        });
        return env;
    }

    /** {@code COPY source destination} pairs, by destination. */
    Map<String, String> copies() {
        Map<String, String> copies = new LinkedHashMap<>();
        instructions.stream().filter(instruction -> instruction.keyword().equals("COPY")).forEach(instruction -> {
            String[] parts = instruction.arguments().split("\\s+");
            copies.put(parts[parts.length - 1], parts[0]);
        });
        return copies;
    }

    private static List<String> json(String array) {
        try {
            return JSON.readValue(array, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("not an exec-form array: " + array, e);
        }
    }
}
