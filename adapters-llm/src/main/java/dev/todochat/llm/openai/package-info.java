/**
 * The model adapter for OpenAI-compatible chat-completions services, on the official openai-java SDK:
 * {@link dev.todochat.llm.openai.OpenAiModel}, configured by {@link dev.todochat.llm.openai.OpenAiSettings}.
 */
package dev.todochat.llm.openai;
