package dev.asap.optimizer.llm;

/**
 * How an {@link LlmProposer} asks: how often it retries a rejected answer, how much history the prompt
 * carries, and how the answer is constrained.
 *
 * @param retries further calls after a rejected answer before falling back to a random config
 * @param bestShown completed trials shown by value, best first
 * @param recentShown further completed trials shown by recency, when there are more than {@code bestShown}
 * @param maxHistoryChars cap on the history lines of the prompt (about four characters a token for most
 *     tokenizers); lines past it are left out, the most recent ones first
 * @param maxTokens cap on the answer's tokens
 * @param temperature sampling temperature of every call
 * @param boundsInSchema whether the answer's JSON schema carries {@code minimum}/{@code maximum} on numeric
 *     parameters; switch it off for engines whose grammar cannot take them (the embedded llama.cpp engine takes
 *     no bounds on numbers and only short integer ranges): the prompt still states the bounds and validation
 *     still enforces them
 */
public record LlmProposerSettings(int retries, int bestShown, int recentShown, int maxHistoryChars, int maxTokens,
    double temperature, boolean boundsInSchema) {

  public LlmProposerSettings {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
    }
    if (bestShown < 1 || recentShown < 0) {
      throw new IllegalArgumentException("the prompt must show at least one best trial and 0 or more recent ones, got "
          + bestShown + " best and " + recentShown + " recent");
    }
    if (maxHistoryChars < 1) {
      throw new IllegalArgumentException("maxHistoryChars must be positive, got " + maxHistoryChars);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
    }
    if (!(temperature >= 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite number of 0 or more, got " + temperature);
    }
  }

  /** 2 retries; the 40 best and 20 most recent trials in at most 12,000 characters; 256 tokens at 0.5. */
  public static LlmProposerSettings defaults() {
    return new LlmProposerSettings(2, 40, 20, 12_000, 256, 0.5, true);
  }

  public LlmProposerSettings withRetries(int count) {
    return new LlmProposerSettings(count, bestShown, recentShown, maxHistoryChars, maxTokens, temperature,
        boundsInSchema);
  }

  public LlmProposerSettings withHistory(int best, int recent, int maxChars) {
    return new LlmProposerSettings(retries, best, recent, maxChars, maxTokens, temperature, boundsInSchema);
  }

  public LlmProposerSettings withMaxTokens(int tokens) {
    return new LlmProposerSettings(retries, bestShown, recentShown, maxHistoryChars, tokens, temperature,
        boundsInSchema);
  }

  public LlmProposerSettings withTemperature(double value) {
    return new LlmProposerSettings(retries, bestShown, recentShown, maxHistoryChars, maxTokens, value,
        boundsInSchema);
  }

  public LlmProposerSettings withBoundsInSchema(boolean bounds) {
    return new LlmProposerSettings(retries, bestShown, recentShown, maxHistoryChars, maxTokens, temperature,
        bounds);
  }
}
