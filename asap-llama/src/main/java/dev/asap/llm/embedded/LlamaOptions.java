package dev.asap.llm.embedded;

import java.nio.file.Path;

/**
 * How {@link LlamaEngine} runs llama.cpp: the context of one KV-cache slot in tokens (prompt plus answer),
 * the number of slots (one per prompt family, so the judge's and the proposer's prefixes do not evict each
 * other; the engine allocates {@code contextSize * slots} tokens), the CPU threads, and where llama.cpp writes
 * its log. llama.cpp has one logger per process, so the log file of the engine created last applies to all;
 * null silences llama.cpp.
 */
public record LlamaOptions(int contextSize, int slots, int threads, Path logFile) {

  public LlamaOptions {
    if (contextSize < 16) {
      throw new IllegalArgumentException("contextSize must be at least 16 tokens, got " + contextSize);
    }
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, got " + slots);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /**
   * A 4096-token context per slot, two slots (the judge's and the proposer's prompts), one thread per
   * available core, llama.cpp silent.
   */
  public static LlamaOptions defaults() {
    return new LlamaOptions(4096, 2, Runtime.getRuntime().availableProcessors(), null);
  }

  public LlamaOptions withContextSize(int tokens) {
    return new LlamaOptions(tokens, slots, threads, logFile);
  }

  public LlamaOptions withSlots(int count) {
    return new LlamaOptions(contextSize, count, threads, logFile);
  }

  public LlamaOptions withThreads(int count) {
    return new LlamaOptions(contextSize, slots, count, logFile);
  }

  public LlamaOptions withLogFile(Path file) {
    return new LlamaOptions(contextSize, slots, threads, file);
  }
}
