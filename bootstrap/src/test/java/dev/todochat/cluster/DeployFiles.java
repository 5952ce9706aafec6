package dev.todochat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files under {@code deploy/} that operators use, read by the tests so that what is tested is what is shipped.
 * Templates are filled as {@code envsubst} fills them in the containers: every {@code ${NAME}} from the values given.
 */
final class DeployFiles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private DeployFiles() {
    }

    /** {@code deploy/<relative>} of this checkout, found from the module the tests run in. */
    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every {@code ${NAME}} replaced; fails on a placeholder without a value. */
    static String filled(String relative, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(read(relative));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("deploy/" + relative + " needs a value for " + matcher.group());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }
}
