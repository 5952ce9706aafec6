package dev.todochat.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationCursorTest {
    private static final ConversationId ID = new ConversationId(UUID.fromString("0b9e9091-274f-4054-acd5-9726d8a7c256"));

    @Test
    void a_cursor_reads_back_exactly_as_it_was_written() {
        ConversationCursor cursor = new ConversationCursor(Instant.parse("2026-03-02T09:00:00.123456Z"), ID);

        assertThat(ConversationCursor.parse(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void the_text_form_is_url_safe_and_short() {
        String text = new ConversationCursor(Instant.parse("2026-03-02T09:00:00.123456Z"), ID).encode();

        assertThat(text).matches("[0-9a-z.]+").hasSizeLessThan(50);
    }

    @Test
    void times_are_kept_to_the_microsecond_as_the_database_keeps_them() {
        ConversationCursor cursor = new ConversationCursor(Instant.parse("2026-03-02T09:00:00.123456789Z"), ID);

        assertThat(cursor.updatedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123456Z"));
    }

    @Test
    void a_time_before_1970_survives_too() {
        ConversationCursor cursor = new ConversationCursor(Instant.parse("1969-12-31T23:59:59.5Z"), ID);

        assertThat(ConversationCursor.parse(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void text_that_no_page_gave_out_is_invalid_input() {
        for (String text : new String[] {"", "abc", "abc.123", "zzzzzzzzzzzzzz.0b9e9091274f4054acd59726d8a7c256",
                "lz.0B9E9091274F4054ACD59726D8A7C256", "x".repeat(500), "lz.0b9e9091-274f-4054-acd5-9726d8a7c256"}) {
            assertThatThrownBy(() -> ConversationCursor.parse(text)).as(text).isInstanceOf(InvalidInput.class)
                    .hasMessage("cursor must be a next_cursor value from a previous page");
        }
        assertThatThrownBy(() -> ConversationCursor.parse(null)).isInstanceOf(InvalidInput.class);
    }
}
