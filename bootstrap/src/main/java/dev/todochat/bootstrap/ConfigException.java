package dev.todochat.bootstrap;

/** A setting that cannot work; the message names the variable and says how to fix it. */
final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message, null, false, false);
    }
}
