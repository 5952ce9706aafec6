package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.http.Tokens;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the server listens: this machine only with nothing configured, every interface for a configured deployment,
 * {@code HOST} to say otherwise; and the development sign-in answers only clients on this machine, whatever
 * {@code HOST} says.
 */
class ListeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void with_nothing_configured_the_server_listens_on_loopback_only() throws Exception {
        Listening listening = Listening.choose(Optional.empty(), developmentMode(Map.of()));

        assertThat(listening.host()).contains("127.0.0.1");
        try (Server server = start(listening, true)) {
            assertThat(get("127.0.0.1", server.port(), "/health").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> get(otherAddressOfThisMachine(), server.port(), "/health"))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void a_configured_deployment_listens_on_every_interface() throws Exception {
        Listening listening = Listening.choose(Optional.empty(),
                developmentMode(Map.of("DATABASE_URL", "postgres://app@db.example/todo", "JWT_SECRET", "x".repeat(32))));

        assertThat(listening.host()).isEmpty();
        try (Server server = start(listening, false)) {
            assertThat(get(otherAddressOfThisMachine(), server.port(), "/health").statusCode()).isEqualTo(200);
            assertThat(get("127.0.0.1", server.port(), "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void host_decides_in_either_mode() {
        assertThat(Listening.choose(Optional.of("0.0.0.0"), true).host()).contains("0.0.0.0");
        assertThat(Listening.choose(Optional.of("127.0.0.1"), false).host()).contains("127.0.0.1");
        assertThat(Config.from(Map.of("HOST", " 0.0.0.0 "), dataDir).host()).contains("0.0.0.0");
        assertThat(Config.from(Map.of("HOST", " "), dataDir).host()).isEmpty();
    }

    @Test
    void with_host_set_the_development_sign_in_still_answers_only_this_machine() throws Exception {
        try (Server server = start(Listening.choose(Optional.of("0.0.0.0"), true), true)) {
            String remote = otherAddressOfThisMachine();

            HttpResponse<String> fromElsewhere = signIn(remote, server.port(), Map.of());
            HttpResponse<String> claimingToBeLocal = signIn(remote, server.port(),
                    Map.of("X-Forwarded-For", "127.0.0.1", "X-Real-IP", "127.0.0.1"));
            HttpResponse<String> fromHere = signIn("127.0.0.1", server.port(), Map.of());

            for (HttpResponse<String> refused : List.of(fromElsewhere, claimingToBeLocal)) {
                assertThat(refused.statusCode()).isEqualTo(403);
                JsonNode error = JSON.readTree(refused.body());
                assertThat(error.get("error").asText()).isEqualTo("Forbidden");
                assertThat(error.get("details").asText()).contains("only on the machine the server runs on");
                assertThat(refused.body()).doesNotContain("token\":\"ey");
            }
            assertThat(fromHere.statusCode()).as(fromHere.body()).isEqualTo(200);
            assertThat(JSON.readTree(fromHere.body()).get("user").asText()).isEqualTo("alice");
            assertThat(get(remote, server.port(), "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_banner_says_which_addresses_it_listens_on() {
        assertThat(banner(Listening.choose(Optional.empty(), true), true))
                .contains("listening on http://localhost:8080\n",
                        "127.0.0.1 port 8080, this machine only (HOST=0.0.0.0 opens it to other machines)",
                        "sign in with any user name, on this machine only");
        assertThat(banner(Listening.choose(Optional.empty(), false), false))
                .contains("listening on http://localhost:8080\n", "every interface, port 8080");
        assertThat(banner(Listening.choose(Optional.of("0.0.0.0"), true), true))
                .contains("every IPv4 interface, port 8080 (HOST=0.0.0.0)");
        assertThat(banner(Listening.choose(Optional.of("192.0.2.7"), false), false))
                .contains("listening on http://192.0.2.7:8080\n", "192.0.2.7 port 8080 (HOST=192.0.2.7)");
    }

    @Test
    void serve_reads_host_and_announces_it() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("TODOCHAT_DATA_DIR", dataDir.toString(), "PORT", "0", "HOST", "127.0.0.1",
                "DATABASE_URL", TestPostgres.freshDatabaseUrl(), "JWT_SECRET", "x".repeat(32));

        try (Server server = new Serve(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .start(Config.from(env, dataDir), new SecureRandom())) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("address:  127.0.0.1 port " + server.port() + ", this machine only");
            assertThatThrownBy(() -> get(otherAddressOfThisMachine(), server.port(), "/health"))
                    .isInstanceOf(ConnectException.class);
        }
    }

    private boolean developmentMode(Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("TODOCHAT_DATA_DIR", dataDir.toString());
        Config config = Config.from(env, dataDir);
        return Serve.offersDevSignIn(config, JwtSecret.resolve(config, new SecureRandom()));
    }

    private static Server start(Listening listening, boolean devSignIn) {
        PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 2);
        database.migrate();
        return Server.start(database, new OfflineAssistant(), new Tokens(RunningServer.SECRET, java.time.Clock.systemUTC()),
                Server.Options.defaults().withDevSignIn(devSignIn).withListening(0, listening.host()));
    }

    private static String banner(Listening listening, boolean devMode) {
        return Announcements.started(listening, 8080, "PostgreSQL", "offline assistant", devMode, true, devMode);
    }

    private HttpResponse<String> get(String host, int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String host, int port, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/dev/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\": \"alice\"}"));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * An address of this machine that is not loopback, so that a request to it arrives from a non-loopback peer as a
     * request from another machine would. CI runs on machines that have one; without it these tests cannot say
     * anything, so they fail rather than pass vacuously.
     */
    static String otherAddressOfThisMachine() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to play another machine from");
    }
}
