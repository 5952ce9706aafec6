package dev.todochat.llm.offline;

import dev.todochat.domain.Usage;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;

import java.util.List;

/**
 * The model used when no model service is configured, so that todochat works out of the box. It understands plain
 * task commands ("add buy milk", "what is still open?", "mark the design review as done", "rename task 2 to call
 * dad", "delete task 4") and acts only through the same tool calls a real model makes.
 *
 * <p>It keeps no state: each call reads the replayed history from the prompt (the newest user message, the tool
 * calls and results that followed it, and the conversation before it, for "it" or "the second one") and decides the
 * next step from that alone. So any server instance can continue any turn.
 */
public final class OfflineAssistant implements LanguageModel {
    static final String DESCRIPTION = "offline assistant (rule-based, no model service)";

    @Override
    public ModelReply reply(Prompt prompt) {
        Turn turn = Turn.of(prompt.history());
        List<Intent> intents = IntentParser.parse(turn.userText(), turn.earlier());
        return switch (Planner.next(intents, turn)) {
            case NextMove.Say say -> new ModelReply(say.text(), null, Usage.NONE);
            case NextMove.Call call -> new ModelReply("", CallIds.assign(prompt.history(), call.calls()), Usage.NONE);
        };
    }

    @Override
    public String describe() {
        return DESCRIPTION;
    }
}
