package dev.todochat.persistence.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The embedded server's port: the one remembered in a file when it is still free, so that restarts are predictable
 * (a {@code psql} command or a client configuration keeps working), otherwise any free port, remembered from then on.
 */
final class RememberedPort {
    private static final Logger LOG = LoggerFactory.getLogger(RememberedPort.class);

    private RememberedPort() {
    }

    /** The remembered port when it is free, else any free port. */
    static int choose(Path file) throws IOException {
        OptionalInt remembered = read(file);
        if (remembered.isPresent() && isFree(remembered.getAsInt())) {
            return remembered.getAsInt();
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Remembers the port a server started on, for the next start; a server that runs matters more than a file. */
    static void remember(Path file, int port) {
        try {
            Files.writeString(file, port + "\n");
        } catch (IOException e) {
            LOG.warn("Could not remember the embedded PostgreSQL port in {}: {}", file, e.toString());
        }
    }

    private static OptionalInt read(Path file) {
        try {
            int port = Integer.parseInt(Files.readString(file).strip());
            return port > 0 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether PostgreSQL could listen there; like PostgreSQL, it ignores connections of a previous run closing. */
    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
