package dev.asap.llm.embedded;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One completion streamed token by token, so that it can be cancelled between tokens once its deadline has
 * passed or its caller has given up ({@link #expire()}).
 *
 * <p>Cancelling only between tokens is a limit of de.kherud:llama 4.2.0: a cancelled task's pending read is
 * never woken, so the reading thread itself must cancel, and prompt evaluation sends nothing before the first
 * token. Hence the prompt is always evaluated in full, which also keeps the KV cache's content known.
 */
final class StreamedCompletion {
  /** The text, how many tokens were streamed, and whether generation was cut off by the deadline. */
  record Result(String text, int tokens, boolean timedOut) {}

  private final AtomicBoolean expired = new AtomicBoolean();
  private final long deadlineNanos;

  StreamedCompletion(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** Stop at the next token: the caller is no longer waiting. */
  void expire() {
    expired.set(true);
  }

  boolean expired() {
    return expired.get() || System.nanoTime() - deadlineNanos >= 0;
  }

  Result run(LlamaModel model, InferenceParameters parameters) {
    LlamaIterator tokens = model.generate(parameters).iterator();
    StringBuilder text = new StringBuilder();
    int count = 0;
    while (tokens.hasNext()) {
      LlamaOutput out = tokens.next();
      text.append(out.text);
      if (!tokens.hasNext()) {
        break; // the closing message carries no token
      }
      count++;
      if (expired()) {
        tokens.cancel();
        return new Result(text.toString(), count, true);
      }
    }
    return new Result(text.toString(), count, false);
  }
}
