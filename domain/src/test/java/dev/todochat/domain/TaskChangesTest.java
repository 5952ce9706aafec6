package dev.todochat.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskChangesTest {
    @Test
    void a_change_of_completion_alone_is_a_change() {
        TaskChanges reopen = new TaskChanges(null, null, false);

        assertThat(reopen.applyCompleted(true)).isFalse();
        assertThat(reopen.applyTitle("Call the bank")).isEqualTo("Call the bank");
        assertThat(reopen.applyDescription("before noon")).isEqualTo("before noon");
    }

    @Test
    void completion_stays_as_it_is_when_not_given() {
        TaskChanges retitle = new TaskChanges("Call the bank", null);

        assertThat(retitle.applyCompleted(true)).isTrue();
        assertThat(retitle.applyCompleted(false)).isFalse();
    }

    @Test
    void nothing_to_change_is_invalid_input() {
        assertThatThrownBy(() -> new TaskChanges(null, null, null)).isInstanceOf(InvalidInput.class)
                .hasMessage("give a new title or a new description");
    }

    @Test
    void the_text_follows_the_task_rules() {
        assertThatThrownBy(() -> new TaskChanges("x".repeat(201), null, true)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> new TaskChanges("a\u0007b", null, null)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("control characters");
        assertThat(new TaskChanges("  Trimmed  ", "  ", null)).isEqualTo(new TaskChanges("Trimmed", "", null));
    }
}
