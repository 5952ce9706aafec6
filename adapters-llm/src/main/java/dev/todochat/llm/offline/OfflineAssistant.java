package dev.todochat.llm.offline;

import dev.todochat.domain.Usage;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;

/**
 * The model used when no model service is configured, so that todochat works out of the box. It understands plain
 * task commands ("add buy milk", "what is still open?", "mark the design review as done", "rename task 2 to call
 * dad", "delete task 4") and acts only through the same tool calls a real model makes.
 *
 * <p>It keeps no state: each call reads the newest user message and the tool calls and results that followed it
 * from the prompt, and decides the next step from those alone. So any server instance can continue any turn.
 */
public final class OfflineAssistant implements LanguageModel {
    static final String DESCRIPTION = "offline assistant (rule-based, no model service)";

    @Override
    public ModelReply reply(Prompt prompt) {
        Turn turn = Turn.of(prompt.history());
        Intent intent = IntentParser.parse(turn.userText(), turn.previousUserText());
        return switch (Planner.next(intent, turn)) {
            case Step.Say say -> new ModelReply(say.text(), null, Usage.NONE);
            case Step.Call call -> new ModelReply("", CallIds.assign(prompt.history(), call.calls()), Usage.NONE);
        };
    }

    @Override
    public String describe() {
        return DESCRIPTION;
    }
}
