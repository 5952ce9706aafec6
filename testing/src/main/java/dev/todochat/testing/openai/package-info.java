/**
 * An OpenAI-compatible chat-completions stub for tests: {@link dev.todochat.testing.openai.OpenAiStub}, a real
 * HTTP server on loopback with scripted replies and faults, recording what it was sent.
 */
package dev.todochat.testing.openai;
