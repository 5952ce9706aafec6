package dev.todochat.bootstrap;

import dev.todochat.http.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The HS256 secret that signs and checks tokens, and where it came from. A secret variable wins; without one, a
 * development secret is generated once into the data folder, so that {@code token} and {@code serve} agree across
 * runs. The file holds 32 random bytes in base64url, and the secret is that text's UTF-8 bytes, exactly as if it had
 * been set as {@code JWT_SECRET}.
 */
final class JwtSecret {
    private static final int GENERATED_BYTES = 32;

    private final byte[] bytes;
    private final String source;
    private final boolean generated;
    private final TokenSettings settings;

    private JwtSecret(byte[] bytes, String source, boolean generated, TokenSettings settings) {
        this.bytes = bytes;
        this.source = source;
        this.generated = generated;
        this.settings = settings;
    }

    /**
     * The secret of the environment; else, when {@code JWT_JWKS_URL} is set, none (tokens come from the auth service,
     * and nobody who can read a file can make one); else the development secret.
     */
    static JwtSecret resolve(Config config, SecureRandom random) {
        if (config.jwtSecret().isPresent()) {
            Config.EnvSecret secret = config.jwtSecret().get();
            return new JwtSecret(secret.value().getBytes(StandardCharsets.UTF_8), secret.variable(), false,
                    config.tokens());
        }
        if (config.tokens().jwksUrl().isPresent()) {
            return new JwtSecret(null, "JWT_JWKS_URL", false, config.tokens());
        }
        Path file = config.jwtSecretFile();
        try {
            if (Files.notExists(file)) {
                create(file, random);
            }
            byte[] secret = Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            return new JwtSecret(secret, file.toString(), true, config.tokens());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development JWT secret " + file, e);
        }
    }

    /** The variable's name, or the secret file's path. */
    String source() {
        return source;
    }

    /** Whether this is the development secret generated into the data folder. */
    boolean generated() {
        return generated;
    }

    /**
     * The verifier (and, with a secret, issuer) for this secret and the {@code JWT_JWKS_URL}, {@code JWT_ISSUER} and
     * {@code JWT_AUDIENCE} settings; a secret too short for HS256 stops start-up with a clear message.
     */
    Tokens tokens() {
        return settings.tokens(Optional.ofNullable(bytes).map(byte[]::clone),
                source + (generated ? " (delete the file to have a new one generated, or set JWT_SECRET)" : ""));
    }

    @Override
    public String toString() {
        return "JwtSecret[source=" + source + "]";
    }

    /** Writes a private temporary file, then moves it in place, so nobody ever reads a half-written secret. */
    private static void create(Path file, SecureRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path temporary = privateTemporaryFile(file.getParent());
        try {
            Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path privateTemporaryFile(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, "jwt-secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, "jwt-secret", ".tmp");
    }
}
