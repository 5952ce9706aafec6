package dev.todochat.llm.offline;

import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Gives planned calls their ids, derived from the prompt alone so that the assistant stays stateless. The history's
 * size is not enough: once the history window is full, every turn sees the same number of messages. A checksum of
 * the history, which holds the ids given before, tells the turns apart.
 */
final class CallIds {
    private CallIds() {
    }

    static List<ToolCall> assign(List<Message> history, List<PlannedCall> calls) {
        CRC32 checksum = new CRC32();
        for (Message message : history) {
            checksum.update(message.toString().getBytes(StandardCharsets.UTF_8));
        }
        String prefix = "call_" + history.size() + "_" + Long.toHexString(checksum.getValue()) + "_";
        List<ToolCall> assigned = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assigned.add(new ToolCall(prefix + i, calls.get(i).tool(), calls.get(i).arguments()));
        }
        return assigned;
    }
}
