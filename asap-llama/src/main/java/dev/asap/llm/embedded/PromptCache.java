package dev.asap.llm.embedded;

/**
 * Mirrors what llama.cpp's single slot keeps in its KV cache between requests, to say how many leading
 * tokens of a new prompt it will reuse: the longest common prefix with the previous prompt, but at least one
 * prompt token is always evaluated again (llama.cpp needs its logits to sample from).
 *
 * <p>Tokens are counted without BOS; {@code leading} (1 when llama.cpp prepends BOS, else 0) is added to
 * every count. After a failed request the cache content is unknown, and so is the next reuse.
 */
final class PromptCache {
  private final int leading;
  private int[] previous; // the last prompt's tokens; null while the slot is empty or unknown
  private boolean known = true;

  PromptCache(int leading) {
    this.leading = leading;
  }

  /** Prompt tokens llama.cpp will take from the cache for {@code prompt}, or null if the cache is unknown. */
  Integer reusable(int[] prompt) {
    if (!known) {
      return null;
    }
    if (previous == null) {
      return 0;
    }
    int shared = leading + sharedPrefix(previous, prompt);
    return Math.max(0, Math.min(shared, leading + prompt.length - 1));
  }

  /** The slot now holds {@code prompt} (and tokens generated after it, which no new prompt is assumed to match). */
  void remember(int[] prompt) {
    previous = prompt.clone();
    known = true;
  }

  /** The slot's content is no longer known (the request failed part-way). */
  void forget() {
    previous = null;
    known = false;
  }

  static int sharedPrefix(int[] a, int[] b) {
    int n = Math.min(a.length, b.length);
    int i = 0;
    while (i < n && a[i] == b[i]) {
      i++;
    }
    return i;
  }
}
