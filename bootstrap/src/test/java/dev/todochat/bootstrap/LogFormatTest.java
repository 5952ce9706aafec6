package dev.todochat.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatTest {
    @Test
    void logs_are_text_in_a_terminal_and_json_lines_elsewhere_unless_log_format_says() {
        assertThat(LogFormat.choose(null, true)).isEqualTo("text");
        assertThat(LogFormat.choose(null, false)).isEqualTo("json");
        assertThat(LogFormat.choose(" JSON ", true)).isEqualTo("json");
        assertThat(LogFormat.choose("text", false)).isEqualTo("text");
        assertThat(LogFormat.choose("xml", true)).as("an unknown format falls back").isEqualTo("text");
    }
}
