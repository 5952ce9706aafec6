package dev.todochat.llm.openai;

import com.openai.core.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The SDK's backoff without the waiting: records each pause it was asked for and returns at once. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> pauses = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        pauses.add(duration);
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
        sleep(duration);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }

    synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
