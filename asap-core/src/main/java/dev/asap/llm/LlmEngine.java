package dev.asap.llm;

/**
 * A chat model that answers one request: an OpenAI-compatible server, or llama.cpp embedded in the process.
 * Implementations constrain the answer to the request's JSON schema where the engine supports it, enforce
 * the request's time-out, and report token counts (incl. the prompt tokens served from the KV cache when the
 * engine says so).
 */
public interface LlmEngine extends AutoCloseable {

  /** For logs and trial attributes, e.g. {@code openai:qwen2.5-7b} or {@code llama.cpp:model.gguf}. */
  String name();

  LlmAnswer complete(LlmRequest request) throws LlmException;

  @Override
  void close();
}
