package dev.todochat.bootstrap;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a token lifetime the way people type it: {@code 45s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO {@code PT1H}. */
final class Lifetimes {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private Lifetimes() {
    }

    /** @throws IllegalArgumentException with a sentence for the user when the text is not a positive duration */
    static Duration parse(String text) {
        String value = text.strip();
        Duration lifetime = value.toUpperCase(Locale.ROOT).startsWith("P") ? iso(value) : shortForm(value);
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("the lifetime must be positive, not '" + text + "'");
        }
        return lifetime;
    }

    private static Duration shortForm(String value) {
        Matcher matcher = SHORT.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw unreadable(value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static Duration iso(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable(value);
        }
    }

    private static IllegalArgumentException unreadable(String value) {
        return new IllegalArgumentException("cannot read '" + value + "' as a lifetime; use a number and a unit (45s,"
                + " 30m, 12h, 7d) or an ISO-8601 duration such as PT1H");
    }
}
