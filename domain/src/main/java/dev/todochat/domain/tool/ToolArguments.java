package dev.todochat.domain.tool;

import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.TaskId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * A tool call's arguments, read with the checks a model's mistakes need. Every problem is an {@link InvalidInput}
 * whose message tells the model what to send instead. Keys the tool does not know are ignored.
 */
public record ToolArguments(Map<String, Object> values) {
    public ToolArguments {
        values = values == null ? Map.of() : values;
    }

    /** A string argument, or null when it is absent or JSON null. */
    public String string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new InvalidInput(name + " must be a string");
    }

    /**
     * A string argument the tool cannot do without: absent or JSON null is reported as missing, with the arguments
     * {@code tool} takes, so that the caller does not read "must not be empty" about a field it never sent.
     */
    public String requiredString(String name, ToolSpec tool) {
        String value = string(name);
        if (value == null) {
            throw new InvalidInput(name + " is missing: " + tool.name() + " takes " + tool.argumentsExample());
        }
        return value;
    }

    /** A required task id: a positive whole number (a string of digits is accepted too). */
    public TaskId taskId(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new InvalidInput(name + " is required: call list_tasks to find the task's id");
        }
        long id = switch (value) {
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s;
            case BigInteger big -> exact(name, big);
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> d.longValue();
            case BigDecimal dec -> exact(name, dec);
            case String text when text.strip().matches("\\d{1,18}") -> Long.parseLong(text.strip());
            default -> throw new InvalidInput(name + " must be a whole number, such as 3");
        };
        if (id <= 0) {
            throw new InvalidInput(name + " must be a positive whole number");
        }
        return new TaskId(id);
    }

    private static long exact(String name, BigInteger value) {
        if (value.bitLength() > 62) {
            throw new InvalidInput(name + " is not the id of any task");
        }
        return value.longValue();
    }

    private static long exact(String name, BigDecimal value) {
        try {
            return exact(name, value.toBigIntegerExact());
        } catch (ArithmeticException e) {
            throw new InvalidInput(name + " must be a whole number, such as 3");
        }
    }
}
