package dev.todochat.mcp.internal;

import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stdio streams hold back the end of input until every request has been answered, so that a client that writes
 * its requests and closes its input at once still gets all its answers.
 */
class StdioStreamsTest {
    private static final String REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}\n";
    private static final String NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";
    private static final String ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"tools\":[]}}";

    private final StdioStreams streams = new StdioStreams(McpJsonDefaults.getMapper(), Duration.ofMinutes(1));
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void the_end_of_input_waits_for_the_answer_to_a_request_read_before_it() throws Exception {
        InputStream input = streams.input(new ByteArrayInputStream(bytes(NOTIFICATION + REQUEST)));
        OutputStream output = streams.output(written);
        Thread reader = Thread.ofVirtual().start(() -> readToTheEnd(input));

        while (reader.getState() != Thread.State.TIMED_WAITING && reader.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        events.add("answered");
        output.write(bytes(ANSWER));
        output.write(bytes("\n"));
        reader.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(events).containsExactly("answered", "end");
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(ANSWER + "\n");
        streams.awaitEnd();
    }

    @Test
    void input_with_nothing_left_to_answer_ends_at_once() throws Exception {
        InputStream input = streams.input(new ByteArrayInputStream(bytes(NOTIFICATION + "not json\n")));

        readToTheEnd(input);
        streams.awaitEnd();

        assertThat(events).containsExactly("end");
    }

    @Test
    void a_request_that_stays_unanswered_holds_the_end_back_for_a_bounded_time_only() throws Exception {
        Duration bound = Duration.ofMillis(200);
        StdioStreams impatient = new StdioStreams(McpJsonDefaults.getMapper(), bound);
        InputStream input = impatient.input(new ByteArrayInputStream(bytes(REQUEST)));
        long started = System.nanoTime();

        readToTheEnd(input);
        impatient.awaitEnd();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(bound);
        assertThat(events).containsExactly("end");
    }

    private void readToTheEnd(InputStream input) {
        try {
            byte[] buffer = new byte[16];
            int count;
            do {
                count = input.read(buffer, 0, buffer.length);
            } while (count >= 0);
            events.add("end");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
