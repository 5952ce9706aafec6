package dev.todochat.llm.openai;

import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.Prompt;
import dev.todochat.testing.CapturedLog;
import dev.todochat.testing.openai.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A turn's deadline, handed over with the prompt, bounds the call: its attempts, retries included, fit in it. */
class DeadlineTest {
    private OpenAiStub stub;

    @BeforeEach
    void listen() {
        stub = OpenAiStub.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static Prompt promptDue(Duration in) {
        return new Prompt(List.of(new UserMessage("hello")), Models.TOOLS, Models.NOW,
                Optional.of(Models.NOW.plus(in)));
    }

    @Test
    void only_the_retries_whole_attempts_fit_in_before_the_deadline_are_made() {
        OpenAiSettings settings = Models.settings(stub).withRequestTimeout(Duration.ofSeconds(10)).withMaxRetries(2);
        stub.fail(503).fail(503).fail(503);
        try (CapturedLog logged = CapturedLog.of(OpenAiModel.class);
             OpenAiModel model = Models.model(settings, new RecordingSleeper())) {
            assertThatThrownBy(() -> model.reply(promptDue(Duration.ofSeconds(25))))
                    .isInstanceOf(ModelFailure.class);
            assertThat(logged.messages()).singleElement().asString().contains("failed: UNAVAILABLE");
        }

        assertThat(stub.requests()).as("two 10 s attempts fit in 25 s, not three").hasSize(2);
    }

    @Test
    void with_less_than_one_attempt_left_the_one_call_is_cut_to_what_remains_and_not_retried() {
        OpenAiSettings settings = Models.settings(stub).withRequestTimeout(Duration.ofSeconds(30)).withMaxRetries(2);
        stub.stall(Duration.ofSeconds(20));
        try (CapturedLog logged = CapturedLog.of(OpenAiModel.class);
             OpenAiModel model = Models.model(settings, new RecordingSleeper())) {
            assertThatThrownBy(() -> model.reply(promptDue(Duration.ofMillis(500))))
                    .isInstanceOfSatisfying(ModelFailure.class,
                            failure -> assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.TIMEOUT));
            assertThat(logged.messages()).singleElement().asString().contains("failed: TIMEOUT");
        }

        assertThat(stub.requests()).hasSize(1);
    }
}
