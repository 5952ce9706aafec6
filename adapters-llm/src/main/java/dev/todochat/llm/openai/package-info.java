/**
 * The model adapter for OpenAI-compatible chat-completions services: {@link dev.todochat.llm.openai.OpenAiModel},
 * configured by {@link dev.todochat.llm.openai.OpenAiSettings}. It speaks the chat-completions wire format itself,
 * over OkHttp: the request is written once, straight from the prompt, and the reply read once into the domain's
 * {@code ModelReply}.
 */
package dev.todochat.llm.openai;
