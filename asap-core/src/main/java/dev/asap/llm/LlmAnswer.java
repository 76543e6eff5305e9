package dev.asap.llm;

/**
 * An engine's answer: the text, token counts, and how long it took. {@code cachedPromptTokens} is the part
 * of the prompt the engine reused from its KV cache, or null when the engine does not report it.
 */
public record LlmAnswer(String text, int promptTokens, Integer cachedPromptTokens, int completionTokens,
    double seconds) {}
