package dev.todochat.cluster;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.persistence.PostgresDatabase;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the database holds after a cluster test, read straight from PostgreSQL, not through any instance. */
final class StoredTurns {
    private final PostgresDatabase database;

    StoredTurns(PostgresDatabase database) {
        this.database = database;
    }

    List<RecordedMessage> transcript(String user, String conversation) {
        return database.storage().inTransaction(unit ->
                unit.transcript().latest(new UserId(user), ConversationId.parse(conversation), 100_000));
    }

    /** The user messages of a conversation, in order, after checking that its seqs run from 1 without a gap. */
    List<String> userMessages(String user, String conversation) {
        List<RecordedMessage> stored = transcript(user, conversation);
        assertThat(stored).extracting(RecordedMessage::seq).as("seqs of %s's conversation", user)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
        return stored.stream().map(RecordedMessage::message).filter(UserMessage.class::isInstance)
                .map(message -> ((UserMessage) message).text()).toList();
    }

    /** The roles of a conversation's messages in order. */
    List<String> roles(String user, String conversation) {
        return transcript(user, conversation).stream().map(message -> message.message().role()).toList();
    }

    /** The assistant's final answers (text, not tool calls) in order. */
    List<String> answers(String user, String conversation) {
        return transcript(user, conversation).stream().map(RecordedMessage::message)
                .filter(message -> message instanceof AssistantMessage assistant && !assistant.hasToolCalls())
                .map(message -> ((AssistantMessage) message).text()).toList();
    }

    List<String> taskTitles(String user) {
        return database.storage().inTransaction(unit -> unit.tasks().list(new UserId(user), TaskFilter.ALL))
                .stream().map(Task::title).toList();
    }
}
