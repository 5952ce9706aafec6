package dev.todochat.llm.openai;

import java.time.Duration;

/** How a retry waits out its backoff; tests record the pauses instead of waiting. */
interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(Duration pause) throws InterruptedException;
}
