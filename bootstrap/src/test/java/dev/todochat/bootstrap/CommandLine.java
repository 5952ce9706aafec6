package dev.todochat.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Cli} as a shell would, with its data folder in {@code dataDir}, and keeps what it printed. */
final class CommandLine {
    private final Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    CommandLine(Path dataDir) {
        this.dataDir = dataDir;
    }

    int run(Map<String, String> variables, String... args) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("TODOCHAT_DATA_DIR", dataDir.toString());
        Cli cli = new Cli(env, Path.of("/nonexistent-home"), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
