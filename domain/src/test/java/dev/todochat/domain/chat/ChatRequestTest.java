package dev.todochat.domain.chat;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatRequestTest {
    @Test
    void a_message_is_stripped_and_may_span_lines() {
        assertThat(ChatRequest.newConversation("  add milk\nand eggs ").message()).isEqualTo("add milk\nand eggs");
    }

    @Test
    void empty_blank_and_too_long_messages_are_refused_with_a_reason() {
        assertThatThrownBy(() -> ChatRequest.newConversation("")).isInstanceOf(InvalidInput.class)
                .hasMessage("message must not be empty");
        assertThatThrownBy(() -> ChatRequest.newConversation(" \n ")).isInstanceOf(InvalidInput.class);
        assertThat(ChatRequest.newConversation("x".repeat(2000)).message()).hasSize(2000);
        assertThatThrownBy(() -> ChatRequest.newConversation("x".repeat(2001))).isInstanceOf(InvalidInput.class)
                .hasMessage("message must be at most 2000 characters (it has 2001)");
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        assertThat(ChatRequest.newConversation("😀".repeat(2000)).message()).hasSize(4000);
    }

    @Test
    void conversation_ids_must_be_uuids() {
        assertThatThrownBy(() -> ConversationId.parse("42")).isInstanceOf(InvalidInput.class)
                .hasMessage("conversation_id must be a UUID");
        assertThatThrownBy(() -> ConversationId.parse("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"))
                .isInstanceOf(InvalidInput.class);
        assertThat(ConversationId.parse("6f1c2d4e-8a7b-4c3d-9e2f-1a2b3c4d5e6f").toString())
                .isEqualTo("6f1c2d4e-8a7b-4c3d-9e2f-1a2b3c4d5e6f");
    }

    @Test
    void a_conversation_is_titled_by_the_first_line_of_its_first_message() {
        assertThat(Conversation.titleFrom("Add a task to buy milk\nand more")).isEqualTo("Add a task to buy milk");
        String title = Conversation.titleFrom("word ".repeat(40));
        assertThat(title).endsWith("…").hasSizeLessThanOrEqualTo(Conversation.TITLE_MAX + 1);
    }
}
