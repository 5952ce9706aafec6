package dev.todochat.domain;

/** Checks shared by every piece of text that comes from outside. */
public final class Text {
    private Text() {
    }

    /**
     * Checks a required single-line or multi-line text and returns it stripped.
     *
     * @param field     the name used in the error message
     * @param value     the value to check, may be null
     * @param maxLength the largest length allowed, in characters, after stripping
     * @param multiLine whether line breaks and tabs are allowed
     */
    public static String required(String field, String value, int maxLength, boolean multiLine) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field + " must not be empty");
        }
        return checked(field, value.strip(), maxLength, multiLine);
    }

    /** Like {@link #required}, but null or blank gives null. */
    public static String optional(String field, String value, int maxLength, boolean multiLine) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checked(field, value.strip(), maxLength, multiLine);
    }

    private static String checked(String field, String value, int maxLength, boolean multiLine) {
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw new InvalidInput(field + " must be at most " + maxLength + " characters (it has " + length + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedBreak = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                throw new InvalidInput(field + " must not contain control characters");
            }
        }
        return value;
    }
}
