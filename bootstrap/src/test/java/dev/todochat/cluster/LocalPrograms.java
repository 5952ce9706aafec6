package dev.todochat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's own servers (PostgreSQL's binaries, PgBouncer, nginx, from Debian's packages, which {@code .ci/run}
 * installs) run by a test as its child processes. PostgreSQL and PgBouncer refuse to run as root: when the test is
 * root, they run as the {@code postgres} user through {@code runuser}, in folders given to that user.
 */
final class LocalPrograms {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private LocalPrograms() {
    }

    /** {@code name} on the PATH or in the usual system folders; fails with what to install when it is missing. */
    static String program(String name, String debianPackage) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        throw new IllegalStateException(name + " is not installed: apt-get install -y " + debianPackage
                + " (.ci/run installs it)");
    }

    /** A PostgreSQL server binary ({@code initdb}, {@code pg_ctl}) of the newest version installed. */
    static String postgresProgram(String name) {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Comparator.comparing(path -> Integer.parseInt(path.getParent().getParent().getFileName()
                            .toString().replaceAll("\\D", "0"))))
                    .map(Path::toString)
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL's server binaries are not installed under /usr/lib/postgresql:"
                    + " apt-get install -y postgresql (.ci/run installs it)", e);
        }
    }

    /** {@code command} as the {@code postgres} user when the test runs as root, else as is. */
    static List<String> asPostgres(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** A new folder the {@code postgres} user may write (a test's {@code @TempDir} is root's alone). */
    static Path folderForPostgres(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            if (ROOT) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
                Files.getFileAttributeView(dir, PosixFileAttributeView.class)
                        .setGroup(users.lookupPrincipalByGroupName("postgres"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands files the test wrote to the {@code postgres} user when the test is root. */
    static void giveToPostgres(Path... files) {
        if (!ROOT) {
            return;
        }
        try {
            for (Path file : files) {
                Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a server the test started: SIGTERM to the pid its pid file names (the server itself, not the
     * {@code runuser} around it), then to the child process, SIGKILL to what has not stopped within ten seconds.
     */
    static void stop(Process process, Path pidFile) {
        try {
            if (Files.isRegularFile(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(server -> {
                    server.destroy();
                    server.onExit().completeOnTimeout(server, 10, TimeUnit.SECONDS).join();
                    server.destroyForcibly();
                });
            }
        } catch (IOException | NumberFormatException e) {
            // no usable pid file: the server never got as far as writing it; its process is stopped below
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A server's output file, to show when it fails. */
    static String output(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Removes a folder made by {@link #folderForPostgres}, whoever owns its files. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code command} to its end, its output in {@code log}; fails with that output unless it succeeds. */
    static void run(List<String> command, Path log) {
        run(new ProcessBuilder(command), log);
    }

    static void run(ProcessBuilder builder, Path log) {
        List<String> command = builder.command();
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code process} accepts connections on loopback {@code port} within {@code timeout}. */
    static boolean awaitListening(Process process, int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                Waiting.pause(Duration.ofMillis(100));
            }
        }
        return false;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
