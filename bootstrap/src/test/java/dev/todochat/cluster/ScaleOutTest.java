package dev.todochat.cluster;

import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology operators run, with the real components: three server processes behind Debian's nginx (round-robin,
 * {@code deploy/nginx/todochat.conf.template}) over Debian's PgBouncer in transaction pooling
 * ({@code deploy/pgbouncer/pgbouncer.ini.template}) in front of PostgreSQL. {@code migrate} runs against PostgreSQL
 * directly; the instances connect through PgBouncer with {@code ?prepareThreshold=0}. Every request goes through
 * nginx, so every conversation hops across the instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutTest {
    private static final String SECRET = "scale-out-secret-of-at-least-32-bytes";
    private static final String BOUNCER_PASSWORD = "bouncer-password";
    private static final int USERS = 15;
    private static final int TURNS = 10;
    /** Every user of the load may take all its turns; one more within the minute is refused. */
    private static final int TURNS_PER_USER_PER_MINUTE = TURNS;

    @TempDir
    static Path workDir;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final TaskModel model = new TaskModel();
    private String directUrl;
    private Nginx nginx;
    private ChatClient client;
    private StoredTurns stored;

    @BeforeAll
    void start_postgres_pgbouncer_three_instances_and_nginx() {
        directUrl = TestPostgres.freshDatabaseUrl();
        URI postgres = URI.create(directUrl.substring("jdbc:".length()));
        OpenAiStub stub = own(OpenAiStub.responding(Duration.ofMillis(5), model::answer));
        Map<String, String> environment = new HashMap<>(Map.of(
                "JWT_SECRET", SECRET,
                "OPENAI_BASE_URL", stub.baseUrl(),
                "OPENAI_API_KEY", "sk-scale-out",
                "RATE_LIMIT_USER_PER_MINUTE", Integer.toString(TURNS_PER_USER_PER_MINUTE),
                "RATE_LIMIT_ADDRESS_PER_MINUTE", "0",
                "TRUSTED_PROXIES", "127.0.0.1",
                "TODOCHAT_LOG_LEVEL", "WARN",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));

        environment.put("DATABASE_URL", directUrl);
        Instance.run("migrate", environment, workDir);

        PgBouncer bouncer = own(PgBouncer.start(postgres.getHost(), postgres.getPort(), "postgres", BOUNCER_PASSWORD));
        environment.put("DATABASE_URL", "postgres://postgres:" + BOUNCER_PASSWORD + "@127.0.0.1:" + bouncer.port()
                + postgres.getPath() + "?prepareThreshold=0");
        List<CompletableFuture<Instance>> starting = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> Instance.start("todochat-" + i, environment, workDir,
                        List.of("-Xmx256m", "-XX:+UseSerialGC"))))
                .toList();
        List<Instance> instances = starting.stream().map(CompletableFuture::join).map(this::own).toList();
        nginx = own(Nginx.start(instances.stream().map(instance -> instance.uri("").getAuthority()).toList(),
                workDir.resolve("nginx")));
        client = own(new ChatClient(SECRET, nginx::uri, Duration.ofMinutes(1)));
        stored = new StoredTurns(own(PostgresDatabase.connect(directUrl, 2)));
        // a first turn on each instance, so that the load meets warm servers rather than three cold JVMs at once
        instances.forEach(instance -> ChatClient.warmUp(SECRET, instance::uri));
    }

    @AfterAll
    void stop_everything() throws Exception {
        for (AutoCloseable each : started.reversed()) {
            each.close();
        }
    }

    @Test
    void many_users_whose_conversations_hop_across_instances_get_whole_transcripts_and_no_5xx() throws Exception {
        Map<String, List<ChatClient.Reply>> replies = new ConcurrentHashMap<>();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 1; u <= USERS; u++) {
                String user = "user-" + u;
                users.submit(() -> replies.put(user, talk(user)));
            }
        }

        assertThat(replies.values().stream().flatMap(List::stream).map(ChatClient.Reply::status))
                .as("every answer").containsOnly(200);
        List<String> expectedMessages = IntStream.rangeClosed(1, TURNS).mapToObj(t -> "task " + t).toList();
        for (int u = 1; u <= USERS; u++) {
            String user = "user-" + u;
            List<ChatClient.Reply> answers = replies.get(user);
            assertThat(answers).as("%s's answers", user).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
            Set<String> conversations = answers.stream().map(ChatClient.Reply::conversationId).collect(Collectors.toSet());
            assertThat(conversations).as("one conversation per user").hasSize(1);
            String conversation = conversations.iterator().next();
            assertThat(answers.stream().map(reply -> reply.servedBy().orElseThrow()).distinct())
                    .as("the instances that served %s's turns", user).hasSizeGreaterThan(1);

            assertThat(stored.userMessages(user, conversation)).isEqualTo(expectedMessages);
            assertThat(stored.roles(user, conversation)).isEqualTo(IntStream.range(0, TURNS)
                    .boxed().flatMap(t -> List.of("user", "assistant", "tool", "assistant").stream()).toList());
            assertThat(stored.answers(user, conversation))
                    .isEqualTo(answers.stream().map(reply -> reply.json().path("response").asText()).toList())
                    .isEqualTo(expectedMessages.stream().map(message -> "Noted: " + message).toList());
            assertThat(stored.taskTitles(user)).isEqualTo(expectedMessages);
        }
        assertThat(replies.values().stream().flatMap(List::stream).map(reply -> reply.servedBy().orElseThrow())
                .distinct()).as("every instance served turns").hasSize(3);
    }

    @Test
    void a_second_turn_on_a_conversation_in_use_is_refused_with_409_by_every_instance() throws Exception {
        String conversation = client.chat("leaseholder", "first", null).conversationId();
        CompletableFuture<ChatClient.Reply> held = CompletableFuture.supplyAsync(() ->
                client.chat("leaseholder", "hold this turn", conversation));
        assertThat(model.awaitHolding()).as("the held turn reached the model").isTrue();

        List<ChatClient.Reply> refused = IntStream.range(0, 3)
                .mapToObj(i -> client.chat("leaseholder", "meanwhile", conversation)).toList();
        model.release();

        assertThat(refused).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.retryAfter()).isPresent();
        });
        assertThat(refused.stream().map(reply -> reply.servedBy().orElseThrow()).distinct())
                .as("refused by every instance").hasSize(3);
        assertThat(held.join().status()).isEqualTo(200);
        assertThat(client.chat("leaseholder", "after", conversation).status()).isEqualTo(200);
        assertThat(stored.userMessages("leaseholder", conversation)).containsExactly("first", "hold this turn", "after");
        assertThat(stored.taskTitles("leaseholder")).containsExactly("first", "hold this turn", "after");
    }

    @Test
    void a_request_retried_with_its_idempotency_key_on_other_instances_is_answered_once_and_stored_once() {
        List<ChatClient.Reply> tries = IntStream.range(0, 4)
                .mapToObj(i -> client.chat("retrier", "buy bread", null, "order-42")).toList();

        assertThat(tries).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(tries.stream().map(reply -> reply.servedBy().orElseThrow()).distinct()).hasSize(3);
        assertThat(tries.stream().map(ChatClient.Reply::json).distinct()).as("the same answer every time").hasSize(1);
        String conversation = tries.getFirst().conversationId();
        assertThat(stored.userMessages("retrier", conversation)).containsExactly("buy bread");
        assertThat(stored.taskTitles("retrier")).containsExactly("buy bread");
    }

    @Test
    void the_per_user_rate_limit_is_one_budget_shared_by_every_instance() {
        List<CompletableFuture<ChatClient.Reply>> burst = IntStream.rangeClosed(0, TURNS_PER_USER_PER_MINUTE)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.chat("eager", "errand " + i, null)))
                .toList();
        List<ChatClient.Reply> replies = burst.stream().map(CompletableFuture::join).toList();

        assertThat(replies.stream().filter(reply -> reply.status() == 200)).hasSize(TURNS_PER_USER_PER_MINUTE);
        assertThat(replies.stream().filter(reply -> reply.status() == 429))
                .singleElement().satisfies(reply -> assertThat(reply.retryAfter()).isPresent());
        assertThat(stored.taskTitles("eager")).hasSize(TURNS_PER_USER_PER_MINUTE);
    }

    private List<ChatClient.Reply> talk(String user) {
        List<ChatClient.Reply> replies = new ArrayList<>();
        String conversation = null;
        for (int t = 1; t <= TURNS; t++) {
            ChatClient.Reply reply = client.chat(user, "task " + t, conversation);
            replies.add(reply);
            if (reply.status() != 200) {
                break;
            }
            conversation = reply.conversationId();
        }
        return replies;
    }

    private <T extends AutoCloseable> T own(T resource) {
        started.add(resource);
        return resource;
    }
}
