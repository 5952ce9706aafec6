package dev.todochat.domain.chat;

import java.time.Duration;

/**
 * The turn ran past its deadline ({@link ChatLimits#turnTimeout()}) and stopped between two steps. What it had
 * committed stays recorded; its conversation and idempotency key are free for the next message.
 */
public final class TurnTimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TurnTimedOut(Duration timeout, Throwable cause) {
        super("the turn took longer than its limit of " + seconds(timeout) + " and was stopped; what it had done so"
                + " far is recorded (see the conversation's messages), and the conversation takes a new message now",
                cause);
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
