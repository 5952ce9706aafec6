package dev.todochat.bootstrap.eval;

import java.util.List;
import java.util.Map;

/**
 * One conversation of the eval set: the tasks the user has before it starts (numbered 1, 2, … in this order), the
 * messages the user sends, and the task changes those messages should make. A case passes when the changes made
 * match {@code expect} (or one of {@code orExpect}), every listing it expects was asked for, and the assistant's
 * answers mention each of {@code mentions}.
 */
public record EvalCase(String id, String category, List<SetupTask> tasks, List<String> messages,
                       List<ExpectedCall> expect, List<List<ExpectedCall>> orExpect, List<String> mentions) {
    public EvalCase {
        tasks = List.copyOf(tasks);
        messages = List.copyOf(messages);
        expect = List.copyOf(expect);
        orExpect = orExpect.stream().map(List::copyOf).toList();
        mentions = List.copyOf(mentions);
    }

    /** Every acceptable outcome: {@code expect} first, then the alternatives. */
    List<List<ExpectedCall>> acceptable() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(expect), orExpect.stream()).toList();
    }

    /** A task the user has before the conversation starts. */
    public record SetupTask(String title, String description, boolean completed) {
    }

    /**
     * A tool call the conversation should make. Each argument value is what the call must carry; a title or
     * description may list several acceptable values, compared without regard to case, spacing or end punctuation.
     * An add or update must not set a field the expectation leaves out.
     */
    public record ExpectedCall(String tool, Map<String, Object> args) {
        public ExpectedCall {
            args = Map.copyOf(args);
        }
    }
}
