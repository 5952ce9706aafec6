package dev.todochat.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The server's two streams, watched: the input holds back its end until every request read from it has been answered
 * on the output (the SDK stops writing as soon as its input ends, so a client that sends its requests and closes its
 * input at once, {@code printf ... | todochat mcp-stdio}, would otherwise lose the last answers), and then tells
 * whoever waits that the client has gone. A request that stays unanswered holds the end back for a bounded time only.
 */
final class StdioStreams {
    private final McpJsonMapper json;
    private final Duration lastAnswersWait;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object counts = new Object();
    private long requests;
    private long answers;

    /** @param lastAnswersWait how long the end of input waits, at most, for the answers still owed */
    StdioStreams(McpJsonMapper json, Duration lastAnswersWait) {
        this.json = json;
        this.lastAnswersWait = lastAnswersWait;
    }

    InputStream input(InputStream in) {
        return new Input(in);
    }

    OutputStream output(OutputStream out) {
        return new Output(out);
    }

    /** Blocks until the input has ended (or broken) and been passed on as ended. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private void lineRead(String line) {
        if (kind(line) instanceof McpSchema.JSONRPCRequest) {
            synchronized (counts) {
                requests++;
            }
        }
    }

    private void lineWritten(String line) {
        if (kind(line) instanceof McpSchema.JSONRPCResponse) {
            synchronized (counts) {
                answers++;
                counts.notifyAll();
            }
        }
    }

    /** The message a line holds, or null for a line that is not one (the SDK reports those itself). */
    private McpSchema.JSONRPCMessage kind(String line) {
        try {
            return line.isBlank() ? null : McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException notAMessage) {
            return null;
        }
    }

    private void awaitAnswers() throws IOException {
        long deadline = System.nanoTime() + lastAnswersWait.toNanos();
        synchronized (counts) {
            while (answers < requests) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    counts.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the last answers were being written", e);
                }
            }
        }
    }

    /** Collects bytes into lines and hands each complete line on. */
    private static final class Lines {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        void add(byte[] bytes, int offset, int length, Consumer<String> complete) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    complete.accept(rest());
                } else {
                    line.write(bytes[i]);
                }
            }
        }

        String rest() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            return text;
        }
    }

    private final class Input extends FilterInputStream {
        private final Lines lines = new Lines();

        Input(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return count < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count;
            try {
                count = super.read(buffer, offset, length);
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
            if (count < 0) {
                lineRead(lines.rest());
                awaitAnswers();
                ended.countDown();
            } else {
                lines.add(buffer, offset, count, StdioStreams.this::lineRead);
            }
            return count;
        }
    }

    private final class Output extends FilterOutputStream {
        private final Lines lines = new Lines();

        Output(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            lines.add(bytes, offset, length, StdioStreams.this::lineWritten);
        }
    }
}
