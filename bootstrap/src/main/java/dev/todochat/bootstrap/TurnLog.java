package dev.todochat.bootstrap;

import dev.todochat.application.TurnListener;
import dev.todochat.application.TurnReport;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One log line per turn (logger {@code dev.todochat.turns}), with the request id of the request that ran it: outcome,
 * conversation, rounds, the tools that ran with their outcome, tokens in and out, model time, database time and the
 * whole duration, as a sentence and as key-value pairs (fields of the JSON line). The user shows only as a stable
 * hash, so lines of one user can be followed without the log holding who they are; never a message, token or key.
 */
final class TurnLog implements TurnListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.todochat.turns");
    private static final int HASH_HEX_DIGITS = 16;

    @Override
    public void turnEnded(TurnReport turn) {
        String outcome = turn.outcome().name().toLowerCase(Locale.ROOT);
        String tools = turn.tools().stream().map(run -> run.tool() + ":" + (run.ok() ? "ok" : "error"))
                .collect(Collectors.joining(","));
        LoggingEventBuilder line = turn.outcome() == TurnReport.Outcome.FAILED ? LOG.atWarn() : LOG.atInfo();
        line.setMessage("turn {}{} in {}ms: {} rounds, tools [{}], tokens {} in / {} out, model {}ms, database {}ms")
                .addArgument(outcome).addArgument(turn.kind().isEmpty() ? "" : " (" + turn.kind() + ")")
                .addArgument(turn.duration().toMillis()).addArgument(turn.modelCalls()).addArgument(tools)
                .addArgument(turn.usage().inputTokens()).addArgument(turn.usage().outputTokens())
                .addArgument(turn.modelTime().toMillis()).addArgument(turn.databaseTime().toMillis())
                .addKeyValue("outcome", outcome)
                .addKeyValue("kind", turn.kind())
                .addKeyValue("user", hash(turn.user()))
                .addKeyValue("conversation", turn.conversation().map(ConversationId::toString).orElse(""))
                .addKeyValue("rounds", turn.modelCalls())
                .addKeyValue("tools", tools)
                .addKeyValue("tokens_in", turn.usage().inputTokens())
                .addKeyValue("tokens_out", turn.usage().outputTokens())
                .addKeyValue("model_ms", turn.modelTime().toMillis())
                .addKeyValue("db_ms", turn.databaseTime().toMillis())
                .addKeyValue("duration_ms", turn.duration().toMillis())
                .log();
    }

    /** The first 64 bits of the SHA-256 of the user id, in hex: stable across instances and restarts. */
    static String hash(UserId user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(user.value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
