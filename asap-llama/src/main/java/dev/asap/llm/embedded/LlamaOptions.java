package dev.asap.llm.embedded;

import java.nio.file.Path;

/**
 * How {@link LlamaEngine} runs llama.cpp: the context size in tokens (prompt plus answer), the CPU threads,
 * and where llama.cpp writes its log. llama.cpp has one logger per process, so the log file of the engine
 * created last applies to all; null silences llama.cpp.
 */
public record LlamaOptions(int contextSize, int threads, Path logFile) {

  public LlamaOptions {
    if (contextSize < 16) {
      throw new IllegalArgumentException("contextSize must be at least 16 tokens, got " + contextSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** A 4096-token context, one thread per available core, llama.cpp silent. */
  public static LlamaOptions defaults() {
    return new LlamaOptions(4096, Runtime.getRuntime().availableProcessors(), null);
  }

  public LlamaOptions withContextSize(int tokens) {
    return new LlamaOptions(tokens, threads, logFile);
  }

  public LlamaOptions withThreads(int count) {
    return new LlamaOptions(contextSize, count, logFile);
  }

  public LlamaOptions withLogFile(Path file) {
    return new LlamaOptions(contextSize, threads, file);
  }
}
