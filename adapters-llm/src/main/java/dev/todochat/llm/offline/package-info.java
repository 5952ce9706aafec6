/**
 * The offline assistant: a rule-based {@link dev.todochat.domain.port.LanguageModel} that understands everyday task
 * requests without any model service, as a small grammar: {@code SmallTalk}, {@code FollowUps}, then each line and
 * clause through {@code ChangePhrases}, {@code AddPhrases} and {@code ListPhrases}; {@code References} settles "it"
 * and "the second one" against the conversation, {@code Planner} turns intents into rounds of tool calls. It acts
 * only through the task tools, like a real model, and derives every step from the prompt's transcript, so it keeps no
 * state between calls.
 */
package dev.todochat.llm.offline;
