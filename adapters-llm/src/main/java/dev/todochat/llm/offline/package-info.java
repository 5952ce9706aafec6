/**
 * The offline assistant: a rule-based {@link dev.todochat.domain.port.LanguageModel} that understands plain task
 * commands without any model service. It acts only through the task tools, like a real model, and derives every
 * step from the prompt's transcript, so it keeps no state between calls.
 */
package dev.todochat.llm.offline;
