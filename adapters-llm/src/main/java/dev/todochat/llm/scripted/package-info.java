/**
 * A scripted {@link dev.todochat.domain.port.LanguageModel} for tests: embedders script what the model answers,
 * fails with, or does with each prompt, and check what it was asked.
 */
package dev.todochat.llm.scripted;
