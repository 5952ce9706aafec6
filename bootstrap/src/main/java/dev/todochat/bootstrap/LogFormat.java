package dev.todochat.bootstrap;

import ch.qos.logback.core.PropertyDefinerBase;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Chooses the log format for {@code logback.xml}: {@code LOG_FORMAT} ({@code json} or {@code text}) when set,
 * otherwise text in a terminal, where a person reads it, and JSON lines anywhere else (a file, a pipe, a container's
 * log collector), where a machine does.
 */
public final class LogFormat extends PropertyDefinerBase {
    static final String VARIABLE = "LOG_FORMAT";

    @Override
    public String getPropertyValue() {
        return choose(System.getenv(VARIABLE), inTerminal());
    }

    static String choose(String setting, boolean terminal) {
        if (setting != null && !setting.isBlank()) {
            String format = setting.strip().toLowerCase(Locale.ROOT);
            if (format.equals("json") || format.equals("text")) {
                return format;
            }
        }
        return terminal ? "text" : "json";
    }

    /**
     * Whether the process talks to a terminal. Up to Java 21 {@link System#console()} is null when it does not;
     * from Java 22 on there is always a console and {@code Console.isTerminal()} says it (called reflectively, as
     * todochat also runs on 21).
     */
    private static boolean inTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }
}
