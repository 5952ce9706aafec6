package dev.todochat.testing.openai;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiStubTest {
    private static final String REQUEST = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final OpenAiStub stub = OpenAiStub.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_answer_each_request_with_the_next_step_and_record_it() throws Exception {
        stub.replyText("Hello!").fail(503);

        HttpResponse<String> first = post(stub.baseUrl() + "/chat/completions", REQUEST);
        HttpResponse<String> second = post("http://127.0.0.1:" + stub.port() + "/chat/completions", REQUEST);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"content\":\"Hello!\"", "\"prompt_tokens\":10");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(stub.requests()).extracting(RecordedRequest::path)
                .containsExactly("/v1/chat/completions", "/chat/completions");
        assertThat(stub.lastRequest().messages().get(0).path("content").asText()).isEqualTo("hi");
        assertThat(stub.remaining()).isZero();
        assertThat(stub.ranOut()).isFalse();
    }

    @Test
    void should_stream_chunks_when_the_request_streams() throws Exception {
        stub.reply(StubReply.toolCalls(StubToolCall.of("call_1", "add_task", "{\"title\":\"milk\"}"))
                .withText("On it."));

        HttpResponse<String> response = post(stub.baseUrl() + "/chat/completions",
                "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}");

        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        assertThat(response.body())
                .contains("\"delta\":{\"content\":\"On it.\"}", "\"id\":\"call_1\"", "\"name\":\"add_task\"",
                        "\"arguments\":\"{\\\"title\\\"\"", "\"arguments\":\":\\\"milk\\\"}\"",
                        "\"finish_reason\":\"tool_calls\"", "\"choices\":[],\"usage\"")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void should_fail_loudly_when_the_script_runs_out() throws Exception {
        stub.replyText("only one");
        post(stub.baseUrl() + "/chat/completions", REQUEST);

        HttpResponse<String> extra = post(stub.baseUrl() + "/chat/completions", REQUEST);

        assertThat(extra.statusCode()).isEqualTo(500);
        assertThat(extra.body()).contains("ran out of script: 1 steps were scripted and this is request 2");
        assertThat(extra.headers().firstValue("X-Should-Retry")).contains("false");
        assertThat(stub.ranOut()).isTrue();
    }

    @Test
    void should_answer_other_paths_with_not_found() throws Exception {
        HttpResponse<String> response = post(stub.baseUrl() + "/embeddings", REQUEST);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void a_responding_stub_answers_every_request_from_its_body_after_its_delay_and_records_none() throws Exception {
        try (OpenAiStub responding = OpenAiStub.responding(Duration.ofMillis(200), body ->
                StubReply.text("You said " + body.at("/messages/0/content").asText()))) {
            long started = System.nanoTime();

            HttpResponse<String> first = post(responding.baseUrl() + "/chat/completions", REQUEST);
            HttpResponse<String> second = post(responding.baseUrl() + "/chat/completions",
                    REQUEST.replace("\"hi\"", "\"bye\""));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(first.body()).contains("\"content\":\"You said hi\"");
            assertThat(second.body()).contains("\"content\":\"You said bye\"");
            assertThat(responding.requests()).isEmpty();
            assertThat(responding.ranOut()).isFalse();
        }
    }
}
