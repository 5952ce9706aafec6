package dev.todochat.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's entry point on an old Java and on a current one. The old one is the machine's Java 17: CI runs on
 * machines that have it, and without it this test could not say anything, so it fails rather than skips.
 */
class LauncherTest {
    @TempDir
    Path work;

    /** Where to look for a Java older than 21; {@code TODOCHAT_TEST_OLD_JAVA} names another. */
    private static final List<String> OLD_JAVAS = List.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
            "/usr/lib/jvm/java-17-openjdk-arm64/bin/java", "/usr/lib/jvm/java-17-openjdk/bin/java");

    @Test
    void on_java_17_it_says_in_one_line_which_java_is_needed_and_exits_with_1() throws Exception {
        Path java = oldJava();

        Finished run = run(List.of(java.toString(), "-cp", launcherClasses(), Launcher.class.getName(), "help"),
                Map.of("JAVA_HOME", "/opt/some-old-jdk"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("todochat needs Java 21 or newer; you are running 17"
                + " (JAVA_HOME=/opt/some-old-jdk, this java is in /").endsWith(")\n").hasLineCount(1);
    }

    @Test
    void on_java_21_or_newer_it_hands_over_to_the_real_main() throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

        Finished run = run(List.of(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "help"), Map.of());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: java -jar todochat.jar [command]");
    }

    @Test
    void it_reads_old_and_new_version_numbers() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("21")).isEqualTo(21);
        assertThat(Launcher.feature("25.0.1")).isEqualTo(25);
        assertThat(Launcher.feature(null)).isZero();
    }

    private static Path oldJava() throws IOException {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("TODOCHAT_TEST_OLD_JAVA")).filter(v -> !v.isBlank()).ifPresent(candidates::add);
        candidates.addAll(OLD_JAVAS);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                installed.filter(dir -> dir.getFileName().toString().contains("17"))
                        .map(dir -> dir.resolve("bin/java").toString()).sorted().forEach(candidates::add);
            }
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("no Java 17 found at " + candidates + ": install one"
                        + " (apt-get install openjdk-17-jre-headless) or set TODOCHAT_TEST_OLD_JAVA to its bin/java"));
    }

    /** The folder the launcher was compiled into, and nothing else: an old Java must not need more. */
    private static String launcherClasses() throws Exception {
        return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private Finished run(List<String> command, Map<String, String> env) throws Exception {
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        int status = process.waitFor();
        return new Finished(status, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Finished(int status, String out, String err) {
    }
}
