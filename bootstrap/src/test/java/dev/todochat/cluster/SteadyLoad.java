package dev.todochat.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users talking without pause, each in one conversation, while a test breaks something under them. Every request is
 * kept with its answer and the phase the test was in (a request across a change of phase counts as
 * {@value #CHANGING}). A user whose conversation is held by a turn that was cut short waits as {@code Retry-After}
 * says, as a client should.
 */
final class SteadyLoad implements AutoCloseable {
    static final String CHANGING = "changing";

    /** One request, its answer, and what was happening meanwhile. */
    record Turn(String user, String message, ChatClient.Reply reply, String phase) {
    }

    private final ChatClient client;
    private final AtomicBoolean talking = new AtomicBoolean(true);
    private final List<Turn> turns = new CopyOnWriteArrayList<>();
    private final Map<String, String> conversations = new ConcurrentHashMap<>();
    private final ExecutorService users = Executors.newVirtualThreadPerTaskExecutor();
    private volatile String phase;

    SteadyLoad(ChatClient client, int userCount, String firstPhase) {
        this.client = client;
        this.phase = firstPhase;
        for (int u = 1; u <= userCount; u++) {
            String user = "user-" + u;
            users.submit(() -> talk(user));
        }
    }

    /** From now on, requests belong to {@code name}. */
    void phase(String name) {
        phase = name;
    }

    /** Waits until {@code count} answers of {@code phase} match; fails after a minute, saying what came instead. */
    void awaitAnswers(Predicate<ChatClient.Reply> matching, String phaseName, int count) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (turns.stream().filter(turn -> turn.phase().equals(phaseName) && matching.test(turn.reply())).count()
                < count) {
            assertThat(Instant.now()).as("%d answers in phase %s; so far %s", count, phaseName, summary())
                    .isBefore(deadline);
            Waiting.pause(Duration.ofMillis(50));
        }
    }

    List<Turn> turns() {
        return List.copyOf(turns);
    }

    /** Answers counted by phase and status, for messages. */
    String summary() {
        return turns.stream().collect(Collectors.groupingBy(turn -> turn.phase() + " " + turn.reply().status(),
                Collectors.counting())).toString();
    }

    /**
     * Checks the database after the load stopped: every turn that got a 200 is stored whole (its message, its task,
     * its answer) and once, and each conversation, failed turns and all, still takes a turn.
     */
    void assertEveryAcknowledgedTurnStoredOnceAndEveryConversationUsable(StoredTurns stored) {
        assertThat(conversations).as("users who got an answer").isNotEmpty();
        conversations.forEach((user, conversation) -> {
            List<String> acknowledged = turns.stream()
                    .filter(turn -> turn.user().equals(user) && turn.reply().status() == 200)
                    .map(Turn::message).toList();
            assertThat(stored.userMessages(user, conversation)).as("%s's stored messages, each once", user)
                    .doesNotHaveDuplicates().containsSubsequence(acknowledged);
            assertThat(stored.answers(user, conversation)).as("%s's answers", user)
                    .containsAll(acknowledged.stream().map(message -> "Noted: " + message).toList());
            assertThat(stored.taskTitles(user)).as("%s's tasks", user).doesNotHaveDuplicates().containsAll(acknowledged);

            ChatClient.Reply after = honouringRetryAfter(() -> client.chat(user, "one more", conversation));
            assertThat(after.status()).as("%s's conversation takes a turn: %s", user, after).isEqualTo(200);
        });
    }

    /** Stops the users and waits for their last requests. */
    @Override
    public void close() {
        talking.set(false);
        users.close();
    }

    private void talk(String user) {
        int count = 0;
        while (talking.get()) {
            String message = "m" + ++count;
            String during = phase;
            ChatClient.Reply reply = client.chat(user, message, conversations.get(user));
            turns.add(new Turn(user, message, reply, during.equals(phase) ? during : CHANGING));
            if (reply.status() == 200) {
                conversations.putIfAbsent(user, reply.conversationId());
            } else if (reply.status() == 409) {
                Waiting.pause(retryAfter(reply));
            }
        }
    }

    private static ChatClient.Reply honouringRetryAfter(Supplier<ChatClient.Reply> request) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        ChatClient.Reply reply = request.get();
        while ((reply.status() == 409 || reply.status() == 503) && Instant.now().isBefore(deadline)) {
            Waiting.pause(retryAfter(reply));
            reply = request.get();
        }
        return reply;
    }

    private static Duration retryAfter(ChatClient.Reply reply) {
        return Duration.ofSeconds(Long.parseLong(reply.retryAfter().orElse("1")));
    }
}
