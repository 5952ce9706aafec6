package dev.todochat.llm.openai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Backoff without the waiting: records each pause a retry asked for and returns at once. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> pauses = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        pauses.add(duration);
    }

    synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
