package dev.todochat.http;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.UnitOfWork;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Servlets and filters mounted beside the API answer on the same port, while the API keeps its own routes. */
class ServletMountsTest {
    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    private final HttpClient client = HttpClient.newHttpClient();
    private TodoChatHttp http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void a_mounted_servlet_answers_its_path_behind_its_filter_and_the_api_still_answers_its_own() throws Exception {
        Filter stamp = (request, response, chain) -> {
            ((HttpServletResponse) response).setHeader("X-Filtered", "yes");
            chain.doFilter(request, response);
        };
        http = builder().servlet("/extra", new Greeting()).filter("/extra", stamp).start();

        HttpResponse<String> extra = get("/extra");
        HttpResponse<String> health = get("/health");

        assertThat(extra.statusCode()).isEqualTo(200);
        assertThat(extra.body()).isEqualTo("hello from a mounted servlet");
        assertThat(extra.headers().firstValue("X-Filtered")).contains("yes");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("X-Filtered")).isEmpty();
    }

    @Test
    void a_path_spec_must_start_with_a_slash() {
        assertThatThrownBy(() -> builder().servlet("extra", new Greeting()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with /");
    }

    private TodoChatHttp.Builder builder() {
        TodoChat chat = TodoChat.builder()
                .storage(new UnusedStorage())
                .model(new UnusedModel())
                .build();
        return TodoChatHttp.builder().chat(chat).tokens(new Tokens(SECRET, Clock.systemUTC())).databaseReachable(() -> true).port(0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final class Greeting extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("hello from a mounted servlet");
        }
    }

    private static final class UnusedStorage implements Storage {
        @Override
        public <T> T inTransaction(Function<UnitOfWork, T> work) {
            throw new AssertionError("these tests never reach the database");
        }
    }

    private static final class UnusedModel implements LanguageModel {
        @Override
        public ModelReply reply(Prompt prompt) {
            throw new AssertionError("these tests never ask the model");
        }

        @Override
        public String describe() {
            return "unused";
        }
    }
}
