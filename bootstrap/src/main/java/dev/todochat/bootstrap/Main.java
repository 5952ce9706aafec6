package dev.todochat.bootstrap;

import java.nio.file.Path;

/** {@code java -jar todochat.jar [serve | token --user ID [--ttl DURATION] | mcp-stdio --user ID | migrate | help]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Cli cli = new Cli(System.getenv(), Path.of(System.getProperty("user.home")), System.in, System.out,
                System.err);
        // exits explicitly, also after success: the command is over, but a library may leave a thread behind that
        // keeps the JVM alive (the MCP SDK's stdio reader and writer do when a request is pending as the input ends)
        System.exit(cli.run(args));
    }
}
